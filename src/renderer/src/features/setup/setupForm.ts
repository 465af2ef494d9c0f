import type { TlsMode } from '../../../../shared/types';
import type { DiscoveryResult } from '../../../../shared/discovery';
import type { AccountInput } from '../../../../shared/schemas';
import type { OAuthStart } from '../../../../shared/oauth';

/** The setup form's fields as typed (ports as text until the service validates them). */
export interface Form {
  address: string;
  displayName: string;
  user: string;
  password: string;
  imapHost: string;
  imapPort: string;
  imapTls: TlsMode;
  smtpHost: string;
  smtpPort: string;
  smtpTls: TlsMode;
}

export const EMPTY_FORM: Form = {
  address: '',
  displayName: '',
  user: '',
  password: '',
  imapHost: '',
  imapPort: '993',
  imapTls: 'tls',
  smtpHost: '',
  smtpPort: '465',
  smtpTls: 'tls',
};

/** Form fields by the contract's field paths, so field-level errors land on the right input. */
export const FIELD_PATHS: Record<string, keyof Form> = {
  address: 'address',
  displayName: 'displayName',
  user: 'user',
  password: 'password',
  'imap.host': 'imapHost',
  'imap.port': 'imapPort',
  'imap.tls': 'imapTls',
  'smtp.host': 'smtpHost',
  'smtp.port': 'smtpPort',
  'smtp.tls': 'smtpTls',
};

/** The contract's account input from the form (the user name defaults to the address). */
export function toInput(f: Form): AccountInput {
  return {
    address: f.address,
    displayName: f.displayName,
    user: f.user || f.address,
    password: f.password,
    imap: { host: f.imapHost, port: Number(f.imapPort), tls: f.imapTls },
    smtp: { host: f.smtpHost, port: Number(f.smtpPort), tls: f.smtpTls },
  };
}

/** Fills the server fields from what discovery found; the address and password stay as typed. */
export function withDiscovered(f: Form, found: DiscoveryResult): Form {
  if (found.source === 'none') return f;
  const s = found.settings;
  return {
    ...f,
    user: s.user ?? f.user,
    imapHost: s.imapHost,
    imapPort: String(s.imapPort),
    imapTls: s.imapTls,
    smtpHost: s.smtpHost,
    smtpPort: String(s.smtpPort),
    smtpTls: s.smtpTls,
  };
}

/** Where the settings came from, in words. */
export function sourceText(found: DiscoveryResult): string {
  const where: Record<DiscoveryResult['source'], string> = {
    preset: 'Found in Promptly’s list of providers',
    'mx-preset': 'Found from the domain’s mail server (MX record)',
    'autoconfig-xml': 'Found in the mail settings the domain publishes',
    'dns-srv': 'Found in the domain’s DNS service records',
    guess: 'Guessed from common server names and confirmed by connecting',
    none: 'No settings were found for this address. Enter them from your provider’s help page',
  };
  return found.sourceDetail ? `${where[found.source]}: ${found.sourceDetail}.` : `${where[found.source]}.`;
}

/** Error codes meaning the server could not be reached (rather than refusing the sign-in). */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['network', 'connection-refused', 'dns', 'timeout']);

/** The servers as entered, for signing in with an issuer; none until both host names are there. */
export function serversOf(f: Form): OAuthStart['servers'] {
  if (!f.imapHost.trim() || !f.smtpHost.trim()) return undefined;
  return {
    imap: { host: f.imapHost, port: Number(f.imapPort), tls: f.imapTls },
    smtp: { host: f.smtpHost, port: Number(f.smtpPort), tls: f.smtpTls },
  };
}

/** The provider to offer first when discovery says the domain signs in with OAuth2. */
export function suggestedProvider(found: DiscoveryResult | null): 'microsoft' | 'google' | undefined {
  if (found?.settings.auth !== 'oauth2') return undefined;
  return found.settings.oauthProvider === 'google' ? 'google' : 'microsoft';
}
