import type { DiscoveredSettings } from '../../../shared/discovery';
import type { TlsMode } from '../../../shared/types';
import type { DiscoveryDns } from './net';
import { probeServer, type ProbeTls } from './probe';

/** Ports to try for each protocol, most preferred first. */
export type GuessPorts = Record<'imap' | 'smtp', ReadonlyArray<{ port: number; tls: TlsMode }>>;

/** Implicit TLS before STARTTLS (RFC 8314 section 3.3 and 5.1); never unencrypted. */
export const GUESS_PORTS: GuessPorts = {
  imap: [
    { port: 993, tls: 'tls' },
    { port: 143, tls: 'starttls' },
  ],
  smtp: [
    { port: 465, tls: 'tls' },
    { port: 587, tls: 'starttls' },
  ],
};

/** The host names mail servers are most often given. */
const PREFIXES = { imap: ['imap', 'mail'], smtp: ['smtp', 'mail'] } as const;

interface Candidate {
  host: string;
  port: number;
  tls: TlsMode;
  /** Resolves to null when the server answered properly, or to why not. */
  result: Promise<string | null>;
}

/** What the guess needs: DNS for the addresses, the ports, and TLS options for tests. */
export interface GuessOptions {
  dns: DiscoveryDns;
  ports: GuessPorts;
  tls: ProbeTls;
}

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ECONNREFUSED') return 'refused';
  if (e.code === 'ECONNRESET') return 'closed the connection';
  return e.message.split('\n')[0] ?? String(error);
}

/** Starts a test of every candidate of one protocol at once, in preference order. */
function candidates(
  protocol: 'imap' | 'smtp',
  domain: string,
  addresses: Map<string, Promise<string | null>>,
  options: GuessOptions,
  signal: AbortSignal,
): Candidate[] {
  return PREFIXES[protocol].flatMap((prefix) => {
    const host = `${prefix}.${domain}`;
    const address = addresses.get(host) ?? Promise.resolve(null);
    return options.ports[protocol].map(({ port, tls }) => ({
      host,
      port,
      tls,
      result: address
        .then(
          async (ip) => {
            if (ip === null) return 'no such host';
            await probeServer({ protocol, host, address: ip, port, tls }, signal, options.tls);
            return null;
          },
          (error: unknown) => reasonOf(error),
        )
        .catch((error: unknown) => reasonOf(error)),
    }));
  });
}

/** The first candidate, in preference order, that answered; or a summary of why none did. */
async function firstAnswering(list: Candidate[]): Promise<Candidate | string> {
  const failures: string[] = [];
  for (const candidate of list) {
    const failure = await candidate.result;
    if (failure === null) return candidate;
    failures.push(`${candidate.host}:${candidate.port} ${failure}`);
  }
  return failures.join(', ');
}

/**
 * Guesses imap./mail./smtp. host names of the domain and keeps the first that really answers
 * on a usual port (a connection test, no sign-in); otherwise why nothing did.
 */
export async function discoverByGuess(
  domain: string,
  address: string,
  options: GuessOptions,
  signal: AbortSignal,
): Promise<{ settings: DiscoveredSettings; detail: string } | { failure: string }> {
  const local = new AbortController();
  const stop = (): void => local.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const hosts = new Set([...PREFIXES.imap, ...PREFIXES.smtp].map((p) => `${p}.${domain}`));
    const addresses = new Map([...hosts].map((h) => [h, options.dns.resolveHost(h, local.signal)] as const));
    const imapTests = candidates('imap', domain, addresses, options, local.signal);
    const smtpTests = candidates('smtp', domain, addresses, options, local.signal);
    const imap = await firstAnswering(imapTests);
    if (typeof imap === 'string') return { failure: `no IMAP server answered (${imap})` };
    const smtp = await firstAnswering(smtpTests);
    if (typeof smtp === 'string') return { failure: `IMAP answered on ${imap.host}, but no SMTP server did (${smtp})` };
    return {
      settings: {
        imapHost: imap.host,
        imapPort: imap.port,
        imapTls: imap.tls,
        smtpHost: smtp.host,
        smtpPort: smtp.port,
        smtpTls: smtp.tls,
        user: address,
        auth: 'password',
      },
      detail: `guessed host names that answered a connection test: ${imap.host}:${imap.port} and ${smtp.host}:${smtp.port}`,
    };
  } finally {
    signal.removeEventListener('abort', stop);
    local.abort();
  }
}
