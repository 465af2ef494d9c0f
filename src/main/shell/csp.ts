/** Where the page runs, which decides the few CSP differences (see `appCsp`). */
export interface CspContext {
  /** `npm run dev`: the React plugin's inline preamble and Vite's hot-reload socket. */
  dev?: boolean;
  /**
   * The browser preview (`npm run web`, the UI tests): the WebSocket bridge to the engine
   * on loopback, whose port changes from run to run.
   */
  bridge?: boolean;
}

/**
 * The Content-Security-Policy of the app's page: a response header, which the custom
 * protocol (appProtocol.ts) sends in packaged builds, the session adds to the dev server's
 * pages, and the browser preview's server sends too, so the UI tests run under the policy
 * users get. `img-src https:` is there so a message whose images the person allowed can
 * show them; which frame may really load them is decided per message by the webRequest
 * filter (remoteContent.ts).
 */
export function appCsp(context: CspContext = {}): string {
  const scripts = context.dev ? "'self' 'unsafe-inline'" : "'self'";
  const connect = ["'self'"];
  if (context.dev) connect.push('ws://localhost:*', 'ws://127.0.0.1:*');
  if (context.bridge) connect.push('ws://127.0.0.1:*');
  return [
    "default-src 'none'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of packaged builds. */
export const APP_CSP = appCsp();

/**
 * Response headers with a CSP set, replacing any CSP the server sent (the Vite dev server
 * sends none). Header names are matched case-insensitively.
 */
export function withAppCsp(headers: Record<string, string[]> | undefined, csp = APP_CSP): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
