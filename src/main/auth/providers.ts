import type { AuthorizationServer } from 'oauth4webapi';
import type { OAuthProvider } from '../../shared/oauth';

/**
 * What Promptly needs to know about a sign-in provider: its endpoints (fixed for Microsoft and
 * Google, found by discovery for any other issuer), the scopes that open IMAP and SMTP, and
 * the mail servers those scopes are for.
 */
export interface ProviderProfile {
  provider: OAuthProvider;
  /** A name for people: "Microsoft", "Google", or the issuer's host. */
  label: string;
  /** Known endpoints; null means "discover them from the issuer" (RFC 8414 / OpenID discovery). */
  server: AuthorizationServer | null;
  issuer: string;
  scopes: string[];
  /** Extra authorization parameters (Google issues a refresh token only when asked offline). */
  extraParams: Record<string, string>;
  /** Host the loopback redirect names: Entra registers `http://localhost` (README). */
  redirectHost: 'localhost' | '127.0.0.1';
  /** Where the mailbox lives; null for an issuer, whose servers the person enters. */
  servers: {
    imap: { host: string; port: number; tls: 'tls' | 'starttls' };
    smtp: { host: string; port: number; tls: 'tls' | 'starttls' };
  } | null;
}

const MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com/common';

/**
 * Microsoft 365. The ID token of the multi-tenant endpoint names the person's own tenant as its
 * issuer, which no fixed issuer matches, so Promptly does not ask for one: the address is the
 * one the person typed, and the IMAP sign-in proves the token opens it.
 */
const microsoft: ProviderProfile = {
  provider: 'microsoft',
  label: 'Microsoft',
  issuer: `${MICROSOFT_AUTHORITY}/v2.0`,
  server: {
    issuer: `${MICROSOFT_AUTHORITY}/v2.0`,
    authorization_endpoint: `${MICROSOFT_AUTHORITY}/oauth2/v2.0/authorize`,
    token_endpoint: `${MICROSOFT_AUTHORITY}/oauth2/v2.0/token`,
  },
  scopes: [
    'https://outlook.office.com/IMAP.AccessAsUser.All',
    'https://outlook.office.com/SMTP.Send',
    'offline_access',
  ],
  extraParams: {},
  redirectHost: 'localhost',
  servers: {
    imap: { host: 'outlook.office365.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
  },
};

const google: ProviderProfile = {
  provider: 'google',
  label: 'Google',
  issuer: 'https://accounts.google.com',
  server: {
    issuer: 'https://accounts.google.com',
    authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
    token_endpoint: 'https://oauth2.googleapis.com/token',
  },
  scopes: ['https://mail.google.com/', 'openid', 'email'],
  extraParams: { access_type: 'offline', prompt: 'consent' },
  redirectHost: '127.0.0.1',
  servers: {
    imap: { host: 'imap.gmail.com', port: 993, tls: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, tls: 'tls' },
  },
};

/** The profile for `microsoft`, `google`, or an issuer URL. */
export function providerProfile(provider: OAuthProvider): ProviderProfile {
  if (provider === 'microsoft') return microsoft;
  if (provider === 'google') return google;
  const issuer = new URL(provider);
  return {
    provider,
    label: issuer.host,
    issuer: provider,
    server: null,
    scopes: ['openid', 'email', 'offline_access'],
    // OpenID Connect Core 11: offline_access is granted only with prompt=consent.
    extraParams: { prompt: 'consent' },
    redirectHost: '127.0.0.1',
    servers: null,
  };
}

/** Plain http is allowed only for an issuer on this machine (a local test or development server). */
export function isLoopbackUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
}
