/**
 * The Content-Security-Policy the shell sends with the app's pages, on top of the meta tag
 * in src/renderer/index.html (a page must satisfy both). Stricter than the meta tag: no
 * WebSocket bridge (that is only for the browser preview). `img-src https:` is there so a
 * message whose images the person allowed can show them; which frame may really load
 * them is decided per message by the webRequest filter (remoteContent.ts).
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Response headers with the app's CSP set, replacing any CSP the server sent (the Vite dev
 * server sends none). Header names are matched case-insensitively.
 */
export function withAppCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [APP_CSP];
  return out;
}
