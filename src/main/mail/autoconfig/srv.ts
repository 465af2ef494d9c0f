import type { DiscoveredSettings } from '../../../shared/discovery';
import type { TlsMode } from '../../../shared/types';
import type { DiscoveryDns, SrvRecord } from './net';
import { validHost, validPort } from './validate';

/** A server offered by one SRV record. */
interface SrvServer {
  host: string;
  port: number;
  tls: TlsMode;
  priority: number;
  weight: number;
  record: string;
}

/**
 * The services RFC 6186 names, with implicit TLS first (RFC 8314): `_imaps` and
 * `_submissions` are TLS from the first byte, `_imap` and `_submission` upgrade with STARTTLS.
 */
const SERVICES = [
  { kind: 'imap', label: '_imaps._tcp', tls: 'tls' },
  { kind: 'imap', label: '_imap._tcp', tls: 'starttls' },
  { kind: 'smtp', label: '_submissions._tcp', tls: 'tls' },
  { kind: 'smtp', label: '_submission._tcp', tls: 'starttls' },
] as const;

function toServers(records: SrvRecord[], tls: TlsMode, record: string): SrvServer[] {
  return (
    records
      .map((r) => ({
        host: r.name.toLowerCase().replace(/\.$/, ''),
        port: r.port,
        tls,
        priority: r.priority,
        weight: r.weight,
        record,
      }))
      // A target of "." says the service is not offered at all (RFC 6186 section 3.4).
      .filter((s) => s.host !== '' && s.host !== '.' && validHost(s.host) && validPort(s.port))
  );
}

/** Lowest priority first (RFC 2782); on a tie implicit TLS, then the heavier weight. */
function best(servers: SrvServer[]): SrvServer | null {
  const sorted = [...servers].sort(
    (a, b) => a.priority - b.priority || Number(b.tls === 'tls') - Number(a.tls === 'tls') || b.weight - a.weight,
  );
  return sorted[0] ?? null;
}

/**
 * Looks up the four RFC 6186 SRV names of `domain` and returns the best IMAP and submission
 * servers; null when the domain publishes none. The person confirms the result in the form,
 * which matters because plain DNS answers are not authenticated (RFC 6186 section 6).
 */
export async function discoverBySrv(
  domain: string,
  address: string,
  dns: DiscoveryDns,
  signal: AbortSignal,
): Promise<{ settings: DiscoveredSettings; detail: string } | null> {
  const answers = await Promise.all(
    SERVICES.map(async (s) => ({
      ...s,
      servers: toServers(await dns.resolveSrv(`${s.label}.${domain}`, signal), s.tls, `${s.label}.${domain}`),
    })),
  );
  const imap = best(answers.filter((a) => a.kind === 'imap').flatMap((a) => a.servers));
  const smtp = best(answers.filter((a) => a.kind === 'smtp').flatMap((a) => a.servers));
  if (!imap && !smtp) return null;
  if (!imap) throw new Error(`only a submission record (${smtp?.record}), no IMAP record`);
  if (!smtp) throw new Error(`only an IMAP record (${imap.record}), no submission record`);
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
    detail: `DNS SRV records ${imap.record} → ${imap.host}:${imap.port} and ${smtp.record} → ${smtp.host}:${smtp.port}`,
  };
}
