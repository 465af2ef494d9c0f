/** Schemes a link may use to leave the app: the browser for web pages, the mail client for mailto. */
export const EXTERNAL_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * The URL to hand to `shell.openExternal`, or null when the link must not leave the app.
 * Anything but http, https and mailto (file:, javascript:, smb:, custom protocol handlers
 * that launch programs) is refused, as are URLs that do not parse.
 */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}
