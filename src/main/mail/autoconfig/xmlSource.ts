import type { DiscoveredSettings } from '../../../shared/discovery';
import type { DiscoveryHttp } from './net';
import { parseAutoconfigXml } from './xml';

/**
 * Where a domain may publish its autoconfig document, in the order Thunderbird asks: the
 * autoconfig subdomain (told the address, so one document can serve many domains), then the
 * domain's well-known path. HTTPS only: a plain-HTTP answer could be anyone's.
 */
export function autoconfigUrls(domain: string, address: string): string[] {
  return [
    `https://autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(address)}`,
    `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ];
}

/** Why a fetch failed, short: the system's code when there is one (fetch wraps it as `cause`). */
function fetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Fetches and reads one document; the settings, or in words why it gave none. */
async function fromUrl(url: string, address: string, http: DiscoveryHttp, signal: AbortSignal) {
  let body: string;
  try {
    const answer = await http.fetchText(url, { signal });
    if (answer.status !== 200) return `${url}: HTTP ${answer.status}`;
    body = answer.body;
  } catch (error) {
    return `${url}: ${fetchFailure(error)}`;
  }
  try {
    return { settings: parseAutoconfigXml(body, address), url };
  } catch (error) {
    return `${url}: ${(error as Error).message}`;
  }
}

/**
 * Asks every URL at once and takes the first, in URL order, that holds a usable document;
 * otherwise says why each gave nothing.
 */
export async function discoverByXml(
  urls: string[],
  address: string,
  http: DiscoveryHttp,
  signal: AbortSignal,
): Promise<{ settings: DiscoveredSettings; detail: string } | { failure: string }> {
  const answers = urls.map((url) => fromUrl(url, address, http, signal));
  const failures: string[] = [];
  for (const answer of answers) {
    const found = await answer;
    if (typeof found !== 'string') return { settings: found.settings, detail: `autoconfig document at ${found.url}` };
    failures.push(found);
  }
  return { failure: failures.join('; ') };
}
