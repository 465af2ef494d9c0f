import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appPage';
import { appCsp } from './csp';

/**
 * How the app scheme is registered before the app is ready: a standard, secure scheme,
 * so the page has a real origin ('self' in the CSP), ES modules load and fetch works.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** Content types of the files a built renderer holds. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * The file of the built renderer an app URL names, or null when it names none: another
 * host, or a path that would leave the folder (`..`, encoded or not). `/` is index.html.
 */
export function rendererFileOf(raw: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Answers a request to the app scheme with a file of the built renderer. Every answer
 * carries the app's CSP header (Electron cannot set headers on file:// pages) and
 * `nosniff`; unknown paths get 404 and nothing else.
 */
export async function serveAppRequest(raw: string, rendererDir: string, csp = appCsp()): Promise<Response> {
  const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  const file = rendererFileOf(raw, rendererDir);
  if (file !== null) {
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': type } });
    } catch {
      // Missing or unreadable: answered as not found below.
    }
  }
  return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
}
