import type { OAuthProvider } from './discovery';
import type { TlsMode } from './types';

/** Server settings of a common provider, with what a person must know to sign in. */
export interface ProviderPreset {
  id: string;
  label: string;
  imap: { host: string; port: number; tls: TlsMode };
  smtp: { host: string; port: number; tls: TlsMode };
  note: string;
  /** Address domains this provider hosts itself. */
  domains: readonly string[];
  /** MX host suffixes that mean a custom domain's mail is hosted here. */
  mxSuffixes: readonly string[];
  /** Providers that refuse (or discourage) passwords for IMAP sign in with OAuth2. */
  oauthProvider?: OAuthProvider;
}

/** Presets for the providers small businesses use most: the one list for setup and discovery. */
export const PRESETS: readonly ProviderPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail / Google Workspace',
    imap: { host: 'imap.gmail.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, tls: 'tls' },
    note: 'Gmail needs an app password (Google Account → Security → App passwords), with 2-Step Verification on.',
    domains: ['gmail.com', 'googlemail.com'],
    mxSuffixes: ['google.com', 'googlemail.com'],
    oauthProvider: 'google',
  },
  {
    id: 'outlook',
    label: 'Outlook / Microsoft 365',
    imap: { host: 'outlook.office365.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
    note: 'Your admin may need to allow IMAP and SMTP AUTH for this mailbox in the Microsoft 365 admin center.',
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'],
    mxSuffixes: ['mail.protection.outlook.com', 'olc.protection.outlook.com'],
    oauthProvider: 'microsoft',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    imap: { host: 'imap.fastmail.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.fastmail.com', port: 465, tls: 'tls' },
    note: 'Fastmail needs an app password (Settings → Privacy & Security → App passwords).',
    domains: ['fastmail.com', 'fastmail.fm'],
    mxSuffixes: ['messagingengine.com'],
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    imap: { host: 'imap.mail.me.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.mail.me.com', port: 587, tls: 'starttls' },
    note: 'iCloud needs an app-specific password (appleid.apple.com → Sign-In and Security).',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    mxSuffixes: ['mail.icloud.com'],
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    imap: { host: 'imap.mail.yahoo.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.mail.yahoo.com', port: 465, tls: 'tls' },
    note: 'Yahoo needs an app password (Account security → Generate app password).',
    domains: ['yahoo.com', 'ymail.com', 'rocketmail.com'],
    mxSuffixes: ['yahoodns.net'],
  },
  {
    id: 'zoho',
    label: 'Zoho Mail',
    imap: { host: 'imap.zoho.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.zoho.com', port: 465, tls: 'tls' },
    note: 'Turn on IMAP access in Zoho Mail settings; with two-factor sign-in, use an app-specific password.',
    domains: ['zoho.com', 'zohomail.com'],
    mxSuffixes: ['zoho.com'],
  },
];
