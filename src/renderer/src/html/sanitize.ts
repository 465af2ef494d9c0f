import createDOMPurify, { type WindowLike } from 'dompurify';

/** How a message's HTML should be cleaned. */
export interface SanitizeOptions {
  /** Remote images load only after "Load images" or "Always for this sender". */
  allowRemoteImages: boolean;
  /** Inline parts by Content-ID (without <>), as data: URLs; unknown cid: images are dropped. */
  inlineImages?: Record<string, string>;
}

/** Clean HTML plus what was held back, for the "Load images" bar. */
export interface SanitizedHtml {
  html: string;
  /** Remote images (and CSS backgrounds) held back because images are not allowed. */
  blockedImages: number;
  /** 1×1 and hidden remote images dropped even when images are allowed. */
  trackingPixels: number;
}

/** The only link schemes kept; anything else (javascript:, data:, file:, vbscript:) loses its href. */
export const ALLOWED_LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

const FORBID_TAGS = [
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'base',
  'meta',
  'link',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'source',
  'track',
  'portal',
  'template',
  'noscript',
  'dialog',
  'math',
  'svg',
];
const FORBID_ATTR = ['srcset', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'poster', 'lowsrc', 'dynsrc'];
const REMOTE = /^(?:https?:)?\/\//i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
const CSS_IMPORT = /@import[^;]*;?/gi;
const CSS_DANGER = /@import|expression\s*\(|behavior\s*:|-moz-binding|javascript:/gi;

/** The real scheme of a link, or null when it cannot be parsed. */
export function linkScheme(href: string): string | null {
  try {
    return new URL(href.trim(), 'https://invalid.invalid/').protocol.toLowerCase();
  } catch {
    return null;
  }
}

function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** A domain the link text claims (e.g. "www.mybank.example"), if it looks like one. */
function claimedHost(text: string): string | null {
  const match = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})/i.exec(text.trim());
  return match?.[1]?.toLowerCase() ?? null;
}

function isPixel(el: Element): boolean {
  const w = el.getAttribute('width');
  const h = el.getAttribute('height');
  const style = (el.getAttribute('style') ?? '').replace(/\s/g, '').toLowerCase();
  const tiny = (v: string | null) => v !== null && /^[01](px)?$/.test(v.trim());
  return (tiny(w) && tiny(h)) || style.includes('display:none') || style.includes('visibility:hidden');
}

/** Rewrites CSS so it loads nothing remote (unless allowed) and nothing executable; counts what it held back. */
function cleanCss(css: string, options: SanitizeOptions, counter: { blocked: number }): string {
  return css
    .replace(CSS_IMPORT, '/* removed */')
    .replace(CSS_DANGER, '/* removed */')
    .replace(CSS_URL, (whole, _q: string, target: string) => {
      if (/^data:image\//i.test(target)) return whole;
      if (REMOTE.test(target) && options.allowRemoteImages) return whole;
      if (REMOTE.test(target)) counter.blocked += 1;
      return 'none';
    });
}

/**
 * Sanitizes one message's HTML with DOMPurify: no scripts, handlers, forms, frames, SVG or
 * MathML; links keep only http/https/mailto and open outside the app; remote images and
 * CSS backgrounds are held back unless allowed, and tracking pixels always are.
 */
export function sanitizeMessageHtml(
  dirty: string,
  options: SanitizeOptions,
  win: WindowLike = window as unknown as WindowLike,
): SanitizedHtml {
  const purify = createDOMPurify(win);
  const counter = { blocked: 0, pixels: 0 };
  const pixels = new WeakSet<Node>();
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = cleanCss(node.textContent, options, counter);
    // Judge pixels on the attributes as written, before sanitizing drops any of them.
    if (data.tagName === 'img' && isPixel(node as Element)) pixels.add(node);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    const style = el.getAttribute('style');
    if (style !== null) el.setAttribute('style', cleanCss(style, options, counter));
    if (el.tagName === 'A' || el.tagName === 'AREA') rewriteLink(el);
    if (el.tagName === 'IMG') rewriteImage(el, options, counter, pixels.has(el));
  });
  const html = purify.sanitize(dirty, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ADD_ATTR: ['target'],
    ALLOW_DATA_ATTR: false,
    FORCE_BODY: true,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|cid:|data:image\/(?:png|gif|jpe?g|webp);|#)/i,
  });
  return { html, blockedImages: counter.blocked, trackingPixels: counter.pixels };
}

function rewriteLink(el: Element): void {
  const href = el.getAttribute('href');
  if (href === null) return;
  const scheme = linkScheme(href);
  if (scheme === null || !ALLOWED_LINK_SCHEMES.has(scheme) || !/^(https?|mailto):/i.test(href.trim())) {
    el.removeAttribute('href');
    return;
  }
  el.setAttribute('target', '_blank');
  el.setAttribute('rel', 'noopener noreferrer');
  el.setAttribute('title', href.trim());
  const real = hostOf(href.trim());
  const claimed = claimedHost(el.textContent ?? '');
  if (real && claimed && claimed !== real && !real.endsWith(`.${claimed}`)) {
    const note = el.ownerDocument.createElement('span');
    note.setAttribute('class', 'promptly-real-target');
    note.textContent = ` [goes to ${real}]`;
    el.appendChild(note);
  }
}

function rewriteImage(
  el: Element,
  options: SanitizeOptions,
  counter: { blocked: number; pixels: number },
  pixel: boolean,
): void {
  const src = (el.getAttribute('src') ?? '').trim();
  if (/^cid:/i.test(src)) {
    const inline = options.inlineImages?.[src.slice(4).replace(/^<|>$/g, '')];
    if (inline) el.setAttribute('src', inline);
    else el.removeAttribute('src');
    return;
  }
  if (!REMOTE.test(src)) return;
  if (pixel || isPixel(el)) {
    counter.pixels += 1;
    el.remove();
    return;
  }
  if (options.allowRemoteImages) return;
  counter.blocked += 1;
  el.removeAttribute('src');
  el.setAttribute('data-blocked', '');
  el.setAttribute('alt', el.getAttribute('alt') || 'Image blocked');
}
