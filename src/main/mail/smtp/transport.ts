import nodemailer, { type Transporter } from 'nodemailer';
import type { TlsMode } from '../../../shared/types';

/** What it takes to talk to the SMTP submission server. */
export interface SmtpSettings {
  host: string;
  port: number;
  tls: TlsMode;
  user: string;
  password: string;
}

/** A nodemailer transport: `tls` is implicit TLS, `starttls` requires the upgrade, `none` never tries. */
export function createSmtpTransport(s: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'none',
    auth: { user: s.user, pass: s.password },
    connectionTimeout: 10_000,
    greetingTimeout: 8_000,
    socketTimeout: 60_000,
  });
}
