import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { TlsMode } from '../../../shared/types';
import { withLogin, type MailSecret } from '../login';

/** What it takes to open one IMAP connection: the server, the user, and a password or tokens. */
export type ImapSettings = {
  host: string;
  port: number;
  tls: TlsMode;
  user: string;
} & MailSecret;

/** Timeouts short enough that a wrong port fails in seconds, not minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 8_000, socketTimeout: 5 * 60_000 };

/** imapflow options for these settings. `none` never upgrades; `starttls` insists on it. */
export function imapOptions(
  s: Omit<ImapSettings, 'password' | 'tokens'>,
  login: { pass: string } | { accessToken: string },
  overrides: Partial<ImapFlowOptions> = {},
): ImapFlowOptions {
  return {
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    doSTARTTLS: s.tls === 'starttls' ? true : s.tls === 'none' ? false : undefined,
    // With an access token imapflow picks OAUTHBEARER or XOAUTH2, whichever the server offers.
    auth: { user: s.user, ...login },
    logger: false,
    disableAutoIdle: true,
    // Lets SELECT carry the last known state and get VANISHED + changed flags back (RFC 7162).
    qresync: true,
    ...TIMEOUTS,
    ...overrides,
  };
}

/**
 * Opens a fresh, authenticated connection. imapflow instances cannot reconnect, so every
 * connection is a new instance (docs/ARCHITECTURE.md, "Sync engine outline").
 */
export async function connectImap(s: ImapSettings, overrides: Partial<ImapFlowOptions> = {}): Promise<ImapFlow> {
  return withLogin(
    s,
    async (login) => {
      const client = new ImapFlow(imapOptions(s, login, overrides));
      // An 'error' event without a listener would crash the process; failures surface via connect().
      client.on('error', () => undefined);
      await client.connect();
      return client;
    },
    (error) => (error as { authenticationFailed?: boolean }).authenticationFailed === true,
  );
}
