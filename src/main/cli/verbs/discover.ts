import type { DiscoveryResult } from '../../../shared/discovery';
import type { TlsMode } from '../../../shared/types';

/** The account flags discovery can fill in for `account set`. */
export interface ServerFlags {
  'imap-host'?: string;
  'imap-port'?: string;
  'imap-tls'?: string;
  'smtp-host'?: string;
  'smtp-port'?: string;
  'smtp-tls'?: string;
  user?: string;
}

const TLS_WORDS: Record<TlsMode, string> = { tls: 'TLS', starttls: 'STARTTLS', none: 'no encryption' };

/** The discovered settings as the person reads them, with what was tried. */
export function formatDiscovery(result: DiscoveryResult): string {
  const s = result.settings;
  const lines = [
    result.source === 'none' ? result.sourceDetail : `Found: ${result.sourceDetail}.`,
    `  IMAP  ${s.imapHost}:${s.imapPort} ${TLS_WORDS[s.imapTls]}`,
    `  SMTP  ${s.smtpHost}:${s.smtpPort} ${TLS_WORDS[s.smtpTls]}`,
    ...(s.user ? [`  user  ${s.user}`] : []),
    `  sign-in  ${s.auth === 'oauth2' ? `OAuth2 (${s.oauthProvider ?? 'provider'} account)` : 'password'}`,
    'Tried:',
    ...result.tried.map((t) => `  ${t.source.padEnd(14)} ${t.outcome} (${t.ms} ms)`),
  ];
  return lines.join('\n');
}

/** Whether `account set` was given no server at all, so discovery should find them. */
export function wantsDiscovery(flags: ServerFlags): boolean {
  return flags['imap-host'] === undefined && flags['smtp-host'] === undefined;
}

/**
 * The flags of `account set` completed from discovery: what the person typed always wins,
 * discovery fills the rest. Throws, in words, when discovery found nothing to fill them with.
 */
export function withDiscovered(flags: ServerFlags, result: DiscoveryResult): ServerFlags {
  if (result.source === 'none') {
    const tried = result.tried.map((t) => `${t.source}: ${t.outcome}`).join('; ');
    throw new Error(
      `no server settings found for this address (${tried}). Give them with --imap-host, --imap-port, --imap-tls, --smtp-host, --smtp-port and --smtp-tls.`,
    );
  }
  const s = result.settings;
  return {
    'imap-host': flags['imap-host'] ?? s.imapHost,
    'imap-port': flags['imap-port'] ?? String(s.imapPort),
    'imap-tls': flags['imap-tls'] ?? s.imapTls,
    'smtp-host': flags['smtp-host'] ?? s.smtpHost,
    'smtp-port': flags['smtp-port'] ?? String(s.smtpPort),
    'smtp-tls': flags['smtp-tls'] ?? s.smtpTls,
    user: flags.user ?? s.user,
  };
}
