import nodemailer, { type Transporter } from 'nodemailer';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { TlsMode } from '../../../shared/types';
import type { TokenSource, MailSecret } from '../login';

/** What it takes to talk to the SMTP submission server: the server, the user, a password or tokens. */
export type SmtpSettings = {
  host: string;
  port: number;
  tls: TlsMode;
  user: string;
} & MailSecret;

/**
 * nodemailer's XOAUTH2 token generator backed by our token source: when the server refuses a
 * token, nodemailer asks again with `renew` and gets a freshly refreshed one.
 */
export function xoauth2For(user: string, tokens: TokenSource, first: string): XOAuth2 {
  let initial: string | null = first;
  return new XOAuth2({
    user,
    provisionCallback: (_user, renew, callback) => {
      if (renew) tokens.refused();
      const ready = !renew && initial !== null ? Promise.resolve(initial) : tokens.accessToken();
      initial = null;
      ready.then(
        (token) => callback(null, token),
        (error: Error) => callback(error),
      );
    },
  });
}

/** A nodemailer transport: `tls` is implicit TLS, `starttls` requires the upgrade, `none` never tries. */
export function createSmtpTransport(
  s: Omit<SmtpSettings, 'password' | 'tokens'>,
  login: { pass: string } | { accessToken: string },
): Transporter {
  const auth =
    'accessToken' in login
      ? { type: 'OAuth2' as const, user: s.user, accessToken: login.accessToken }
      : { user: s.user, pass: login.pass };
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'none',
    auth,
    connectionTimeout: 10_000,
    greetingTimeout: 8_000,
    socketTimeout: 60_000,
  });
}
