import type { DiscoveryHttp } from './net';

/** Autoconfig documents are a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;
const MAX_REDIRECTS = 5;

/**
 * Where a redirect leads, refusing to leave HTTPS for plain HTTP: a document fetched over
 * HTTPS must not come from somewhere anyone on the way could have written it.
 */
export function redirectTarget(from: string, location: string): string {
  const target = new URL(location, from);
  if (new URL(from).protocol === 'https:' && target.protocol !== 'https:')
    throw new Error(`redirected from HTTPS to ${target.protocol.replace(':', '').toUpperCase()} (${target.href})`);
  return target.href;
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${MAX_BODY_BYTES / 1024} KB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** HTTP through the built-in fetch: up to 5 redirects (never from HTTPS to HTTP), at most 256 KB read. */
export function fetchHttp(): DiscoveryHttp {
  return {
    async fetchText(url, { signal }) {
      let current = url;
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const response = await fetch(current, { signal, redirect: 'manual', headers: { accept: 'application/xml' } });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          current = redirectTarget(current, location);
          continue;
        }
        return { status: response.status, body: await readCapped(response) };
      }
      throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    },
  };
}
