/**
 * The app's own page is served from a custom protocol, `app://promptly/`, rather than
 * `file://`: response headers (the CSP) apply to it, and it has one origin to compare
 * (a file path differs in drive-letter case and escaping on Windows).
 */
export const APP_SCHEME = 'app';
/** The one host of the app scheme. */
export const APP_HOST = 'promptly';
/** The URL of the app's page in a packaged build. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Where the app's own page lives: the custom protocol, or the Vite server in development. */
export interface AppPage {
  /** The built renderer folder that `app://promptly/` serves. */
  rendererDir: string;
  /** `ELECTRON_RENDERER_URL` while running `npm run dev`, else undefined. */
  devUrl?: string;
}

/** The app page for a built renderer folder and an optional dev-server URL. */
export function appPageOf(rendererDir: string, devUrl?: string): AppPage {
  return { rendererDir, devUrl: devUrl || undefined };
}

/** The URL the window loads. */
export function appPageUrl(page: AppPage): string {
  return page.devUrl ?? APP_URL;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Whether a URL is served by the app's own protocol (any file of the built renderer). */
export function isAppProtocolUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/**
 * Whether a URL is the app's own page (hash and query ignored): `app://promptly/index.html`,
 * or the dev server in development. Any other page is not, even another file the protocol
 * serves: only the app's page gets the app's powers.
 */
export function isAppPage(raw: string, page: AppPage): boolean {
  const url = parse(raw);
  if (url === null) return false;
  if (page.devUrl) {
    const dev = new URL(page.devUrl);
    if (url.origin === dev.origin && url.protocol === dev.protocol) return true;
  }
  return isAppProtocolUrl(raw) && (url.pathname === '/index.html' || url.pathname === '/');
}

/** Whether a network request URL belongs to the app itself (the dev server, in development). */
export function isAppResource(raw: string, page: AppPage): boolean {
  const url = parse(raw);
  if (url === null || !page.devUrl) return false;
  const dev = new URL(page.devUrl);
  return url.host === dev.host && /^(https?|wss?):$/.test(url.protocol);
}
