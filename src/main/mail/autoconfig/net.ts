import { Resolver, promises as dnsPromises, type MxRecord, type SrvRecord } from 'node:dns';
import { setTimeout as delay } from 'node:timers/promises';

export type { MxRecord, SrvRecord } from 'node:dns';

/** The DNS questions discovery asks; tests point them at a local DNS server. */
export interface DiscoveryDns {
  /** MX records of a domain; empty when it has none. */
  resolveMx(domain: string, signal: AbortSignal): Promise<MxRecord[]>;
  /** SRV records of a service name such as `_imaps._tcp.example.com`; empty when there are none. */
  resolveSrv(name: string, signal: AbortSignal): Promise<SrvRecord[]>;
  /** One address of a host, to open a test connection to; null when the name does not exist. */
  resolveHost(host: string, signal: AbortSignal): Promise<string | null>;
}

/** An HTTP answer, read up to a size cap. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** The HTTP discovery needs: one GET of a small text document. */
export interface DiscoveryHttp {
  fetchText(url: string, options: { signal: AbortSignal }): Promise<HttpAnswer>;
}

/** Waits `ms`; resolves early never, rejects or stays pending once `signal` aborts. */
export type DiscoveryTimer = (ms: number, signal: AbortSignal) => Promise<void>;

/** Answers that mean "no such record", as opposed to a failed lookup. */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NOTFOUND', 'NODATA']);

/** Runs one query on its own resolver so that an abandoned query can be cancelled alone. */
async function query<T>(servers: string[] | undefined, signal: AbortSignal, ask: (r: Resolver) => Promise<T>) {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  if (servers) resolver.setServers(servers);
  const cancel = (): void => resolver.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    return await ask(resolver);
  } catch (error) {
    if (NO_RECORD.has((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/**
 * DNS through node:dns. Without `servers` it asks the system's resolvers (and host names go
 * through the system lookup, /etc/hosts included); with them, only those (`127.0.0.1:5353`).
 */
export function resolverDns(servers?: string[]): DiscoveryDns {
  const promisified = (r: Resolver) => ({
    mx: (name: string) => new Promise<MxRecord[]>((ok, no) => r.resolveMx(name, (e, a) => (e ? no(e) : ok(a)))),
    srv: (name: string) => new Promise<SrvRecord[]>((ok, no) => r.resolveSrv(name, (e, a) => (e ? no(e) : ok(a)))),
    a: (name: string) => new Promise<string[]>((ok, no) => r.resolve4(name, (e, a) => (e ? no(e) : ok(a)))),
  });
  return {
    resolveMx: async (domain, signal) => (await query(servers, signal, (r) => promisified(r).mx(domain))) ?? [],
    resolveSrv: async (name, signal) => (await query(servers, signal, (r) => promisified(r).srv(name))) ?? [],
    resolveHost: async (host, signal) => {
      if (servers) return (await query(servers, signal, (r) => promisified(r).a(host)))?.[0] ?? null;
      try {
        return (await dnsPromises.lookup(host)).address;
      } catch (error) {
        if (NO_RECORD.has((error as NodeJS.ErrnoException).code ?? '')) return null;
        throw error;
      }
    },
  };
}

/** The real clock's timer: resolves after `ms`, never once aborted. */
export const realTimer: DiscoveryTimer = async (ms, signal) => {
  await delay(ms, undefined, { signal }).catch(() => new Promise<void>(() => undefined));
};
