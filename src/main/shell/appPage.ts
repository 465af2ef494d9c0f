import { pathToFileURL } from 'node:url';

/** Where the app's own page lives: a file in production, the Vite server in development. */
export interface AppPage {
  /** `file://…/renderer/index.html` of the built renderer. */
  fileUrl: string;
  /** `ELECTRON_RENDERER_URL` while running `npm run dev`, else undefined. */
  devUrl?: string;
}

/** The app page for a built renderer folder and an optional dev-server URL. */
export function appPageOf(rendererDir: string, devUrl?: string): AppPage {
  return { fileUrl: pathToFileURL(`${rendererDir}/index.html`).href, devUrl: devUrl || undefined };
}

/** The URL the window loads. */
export function appPageUrl(page: AppPage): string {
  return page.devUrl ?? page.fileUrl;
}

/**
 * Whether a URL is the app's own page (hash and query ignored). Any other file:// page is
 * not: a frame that somehow reached another local file must not get the app's powers.
 */
export function isAppPage(raw: string, page: AppPage): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (page.devUrl) {
    const dev = new URL(page.devUrl);
    if (url.origin === dev.origin && url.protocol === dev.protocol) return true;
  }
  const file = new URL(page.fileUrl);
  return url.protocol === 'file:' && url.pathname === file.pathname && url.host === file.host;
}

/** Whether a request URL belongs to the app itself (its files or the dev server). */
export function isAppResource(raw: string, page: AppPage): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (page.devUrl) {
    const dev = new URL(page.devUrl);
    if (url.host === dev.host && /^(https?|wss?):$/.test(url.protocol)) return true;
  }
  return false;
}
