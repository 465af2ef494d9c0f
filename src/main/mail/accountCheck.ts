import type { AccountInput } from '../../shared/schemas';
import type { ConnectionReport, ServerCheck } from '../../shared/types';
import { explainConnectionError } from './connectionErrors';
import { connectImap } from './imap/connect';
import { createSmtpTransport } from './smtp/transport';

async function checkImap(a: AccountInput): Promise<ServerCheck> {
  try {
    const client = await connectImap({ ...a.imap, user: a.user, password: a.password });
    await client.logout().catch(() => undefined);
    return { ok: true, message: `Signed in to ${a.imap.host}:${a.imap.port}.` };
  } catch (error) {
    const e = explainConnectionError(error, { kind: 'IMAP', host: a.imap.host, port: a.imap.port });
    return { ok: false, code: e.code, message: e.message };
  }
}

async function checkSmtp(a: AccountInput): Promise<ServerCheck> {
  const transport = createSmtpTransport({ ...a.smtp, user: a.user, password: a.password });
  try {
    await transport.verify();
    return { ok: true, message: `Signed in to ${a.smtp.host}:${a.smtp.port}.` };
  } catch (error) {
    const e = explainConnectionError(error, { kind: 'SMTP', host: a.smtp.host, port: a.smtp.port });
    return { ok: false, code: e.code, message: e.message };
  } finally {
    transport.close();
  }
}

/** Signs in to both servers (in parallel) and explains each failure for a person. */
export async function checkAccount(a: AccountInput): Promise<ConnectionReport> {
  const [imap, smtp] = await Promise.all([checkImap(a), checkSmtp(a)]);
  return { ok: imap.ok && smtp.ok, imap, smtp };
}
