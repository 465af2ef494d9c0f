/** The policy inside every message frame: nothing loads but inline styles and data: images (plus remote images when allowed). */
export function messageCsp(allowRemoteImages: boolean): string {
  const img = allowRemoteImages ? 'data: https: http:' : 'data:';
  return [
    "default-src 'none'",
    `img-src ${img}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    "script-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join('; ');
}

const FRAME_STYLE = `
:root{color-scheme:light dark}
body{margin:0;padding:4px 2px;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;overflow-wrap:anywhere}
img{max-width:100%;height:auto}
img[data-blocked]{display:inline-block;min-width:24px;min-height:16px;border:1px dashed #8891;font-size:12px;color:#888}
table{max-width:100%}
.promptly-real-target{font-size:12px;color:#b3261e;font-weight:600}
pre{white-space:pre-wrap}
`;

/**
 * The `srcdoc` of a message frame: a strict CSP meta first (so it applies before any
 * content), then the sanitized HTML. Used with `sandbox` lacking allow-scripts and
 * allow-same-origin, so even a sanitizer bug could not run script or reach the app.
 */
export function buildSrcdoc(cleanHtml: string, allowRemoteImages: boolean): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${messageCsp(allowRemoteImages)}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${FRAME_STYLE}</style></head><body>${cleanHtml}</body></html>`
  );
}

/** The sandbox tokens of a message frame: links may open a new window outside the app, nothing else. */
export const FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

/** A first guess at the frame's height (it cannot be measured: the frame is cross-origin and script-free). */
export function estimateFrameHeight(cleanHtml: string): number {
  const text = cleanHtml.replace(/<[^>]*>/g, '').length;
  const blocks = (cleanHtml.match(/<(p|div|br|tr|li|h\d|img)\b/gi) ?? []).length;
  return Math.max(120, Math.min(2400, Math.ceil(text / 90) * 21 + blocks * 18 + 40));
}
