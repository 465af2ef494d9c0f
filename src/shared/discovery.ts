import type { TlsMode } from './types';

/** Where discovered settings came from, in the order they are tried. */
export const DISCOVERY_SOURCES = ['preset', 'mx-preset', 'autoconfig-xml', 'dns-srv', 'guess'] as const;

/** A source of settings, or `none` when every source came back empty. */
export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number] | 'none';

/** Providers Promptly can sign in to with OAuth2 instead of a password. */
export type OAuthProvider = 'microsoft' | 'google';

/** Server settings found for an address; every field stays editable in the setup form. */
export interface DiscoveredSettings {
  imapHost: string;
  imapPort: number;
  imapTls: TlsMode;
  smtpHost: string;
  smtpPort: number;
  smtpTls: TlsMode;
  /** The sign-in name, when the source says what it is (usually the full address). */
  user?: string;
  auth: 'password' | 'oauth2';
  oauthProvider?: OAuthProvider;
}

/** One source tried: `outcome` is "found" or, in words, why it gave nothing. */
export interface DiscoveryAttempt {
  source: (typeof DISCOVERY_SOURCES)[number];
  outcome: string;
  ms: number;
}

/** The answer of `account.discover`: settings, where they came from, and what was tried. */
export interface DiscoveryResult {
  source: DiscoverySource;
  /** For a person: which preset, URL, record or host answered (or why nothing did). */
  sourceDetail: string;
  settings: DiscoveredSettings;
  tried: DiscoveryAttempt[];
}
