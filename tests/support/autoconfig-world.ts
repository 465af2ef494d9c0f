/**
 * Local stand-ins for the public internet that autoconfiguration asks: an HTTP server on
 * loopback serving autoconfig documents at the real URL paths (host name as the first path
 * segment), and a manual clock for the time-outs. DNS comes from dns-server.ts (dnsmasq).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoconfigUrls } from '../../src/main/mail/autoconfig/xmlSource';
import type { DiscoveryTimer } from '../../src/main/mail/autoconfig/net';

/** What the HTTP server answers for a path: a document, a status code, a redirect (302), or never. */
export type HttpReply = string | number | 'hang' | { redirect: string };

/** A running autoconfig HTTP server. */
export interface AutoconfigHttp {
  /** The real autoconfig URLs of a domain, rewritten to this server (for `xmlUrls`). */
  urlsFor(domain: string, address: string): string[];
  /** Paths requested so far, with query, e.g. `/autoconfig.a.test/mail/config-v1.1.xml?emailaddress=…`. */
  requests: string[];
  /** Resolves with each request that hangs, once it arrives; `closed` when the client gave up. */
  hung: Promise<{ path: string; closed: Promise<void> }>;
  stop(): Promise<void>;
}

/**
 * Serves `replies`, keyed by `HOST/PATH` without the query (`autoconfig.a.test/mail/config-v1.1.xml`);
 * anything else is a 404.
 */
export async function startAutoconfigHttp(replies: Record<string, HttpReply>): Promise<AutoconfigHttp> {
  const requests: string[] = [];
  let hungRequest: (value: { path: string; closed: Promise<void> }) => void = () => undefined;
  const hung = new Promise<{ path: string; closed: Promise<void> }>((resolve) => (hungRequest = resolve));
  const server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const reply = replies[path.slice(1).split('?')[0] ?? ''] ?? 404;
    if (reply === 'hang') {
      hungRequest({ path, closed: new Promise((resolve) => req.socket.once('close', () => resolve())) });
      return;
    }
    if (typeof reply === 'object') res.writeHead(302, { location: reply.redirect }).end();
    else if (typeof reply === 'number') res.writeHead(reply).end();
    else res.writeHead(200, { 'content-type': 'text/xml' }).end(reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlsFor: (domain, address) => autoconfigUrls(domain, address).map((url) => url.replace(/^https:\/\//, `${base}/`)),
    requests,
    hung,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One server of an autoconfig document. */
export interface XmlServer {
  type: 'imap' | 'pop3' | 'smtp';
  hostname: string;
  port: number;
  socketType: 'SSL' | 'STARTTLS' | 'plain';
  username?: string;
  authentication?: string[];
}

/** A Thunderbird config-v1.1.xml document with these servers. */
export function autoconfigXml(domain: string, servers: XmlServer[]): string {
  const server = (s: XmlServer): string => {
    const tag = s.type === 'smtp' ? 'outgoingServer' : 'incomingServer';
    const auth = (s.authentication ?? ['password-cleartext']).map((a) => `      <authentication>${a}</authentication>`);
    return [
      `    <${tag} type="${s.type}">`,
      `      <hostname>${s.hostname}</hostname>`,
      `      <port>${s.port}</port>`,
      `      <socketType>${s.socketType}</socketType>`,
      ...auth,
      `      <username>${s.username ?? '%EMAILADDRESS%'}</username>`,
      `    </${tag}>`,
    ].join('\n');
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${domain}">`,
    `    <domain>${domain}</domain>`,
    `    <displayName>${domain} mail</displayName>`,
    ...servers.map(server),
    '  </emailProvider>',
    '</clientConfig>',
    '',
  ].join('\n');
}

/** A clock that moves only when told: `timer` promises resolve when `advance` passes them. */
export interface ManualClock {
  now(): number;
  timer: DiscoveryTimer;
  advance(ms: number): void;
  /** Time-outs currently waiting. */
  pending(): number;
}

/** A manual clock starting at `start` ms. */
export function manualClock(start = 0): ManualClock {
  let now = start;
  const waiting = new Set<{ at: number; resolve: () => void }>();
  return {
    now: () => now,
    timer: (ms, signal) =>
      new Promise<void>((resolve) => {
        const entry = { at: now + ms, resolve };
        waiting.add(entry);
        signal.addEventListener('abort', () => waiting.delete(entry), { once: true });
      }),
    advance(ms) {
      now += ms;
      for (const entry of [...waiting]) {
        if (entry.at > now) continue;
        waiting.delete(entry);
        entry.resolve();
      }
    },
    pending: () => waiting.size,
  };
}
