import type { AccountInput } from '../../shared/schemas';
import type { ConnectionReport, ServerCheck, TlsMode } from '../../shared/types';
import { explainConnectionError } from './connectionErrors';
import { connectImap } from './imap/connect';
import { serverOf, withLogin, type MailSecret } from './login';
import { createSmtpTransport } from './smtp/transport';

/** The servers and user to check; the secret comes separately (a password or tokens). */
export interface ServersToCheck {
  imap: { host: string; port: number; tls: TlsMode };
  smtp: { host: string; port: number; tls: TlsMode };
  user: string;
}

/**
 * A server's refusal explained; with a token the person typed no password, so it says the
 * sign-in did not open this mailbox, in the server's words.
 */
function refusal(
  error: unknown,
  kind: 'IMAP' | 'SMTP',
  server: { host: string; port: number },
  a: ServersToCheck,
  secret: MailSecret,
): ServerCheck {
  const e = explainConnectionError(error, { kind, ...server });
  if (e.code !== 'auth' || !('tokens' in secret)) return { ok: false, code: e.code, message: e.message };
  const said = e.detail ? `: "${e.detail}"` : '';
  return { ok: false, code: e.code, message: `The ${kind} server refused this sign-in for ${a.user}${said}.` };
}

/** A refusal that is about signing in, not the server: say it in the provider's words. */
function signInProblem(error: unknown): ServerCheck | null {
  const e = error as { name?: string; code?: string; message?: string };
  return e.name === 'AuthError' && e.code
    ? { ok: false, code: e.code as ServerCheck['code'], message: e.message ?? '' }
    : null;
}

async function checkImap(a: ServersToCheck, secret: MailSecret): Promise<ServerCheck> {
  try {
    const client = await connectImap({ ...serverOf(a, 'imap'), ...secret });
    await client.logout().catch(() => undefined);
    return { ok: true, message: `Signed in to ${a.imap.host}:${a.imap.port}.` };
  } catch (error) {
    return signInProblem(error) ?? refusal(error, 'IMAP', a.imap, a, secret);
  }
}

async function checkSmtp(a: ServersToCheck, secret: MailSecret): Promise<ServerCheck> {
  try {
    await withLogin(
      secret,
      async (login) => {
        const transport = createSmtpTransport(serverOf(a, 'smtp'), login);
        try {
          await transport.verify();
        } finally {
          transport.close();
        }
      },
      (error) => (error as { code?: string }).code === 'EAUTH',
    );
    return { ok: true, message: `Signed in to ${a.smtp.host}:${a.smtp.port}.` };
  } catch (error) {
    return signInProblem(error) ?? refusal(error, 'SMTP', a.smtp, a, secret);
  }
}

/** Signs in to both servers (in parallel) with a password or tokens, and explains each failure. */
export async function checkServers(a: ServersToCheck, secret: MailSecret): Promise<ConnectionReport> {
  const [imap, smtp] = await Promise.all([checkImap(a, secret), checkSmtp(a, secret)]);
  return { ok: imap.ok && smtp.ok, imap, smtp };
}

/** Signs in to both servers (in parallel) with the typed password and explains each failure. */
export async function checkAccount(a: AccountInput): Promise<ConnectionReport> {
  return checkServers(a, { password: a.password });
}
