/**
 * One SMTP submission (RFC 5321) with an honest account of how far it got. The outbox must
 * know whether a failure could have delivered the message: before the final "." nothing can
 * have been accepted; after it, without a reply, it may have been (§4.1.1.4, §6.1).
 */
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { xoauth2For, type SmtpSettings } from '../mail/smtp/transport';
import type { SignInProblem } from '../mail/login';
import { SendFailure } from './errors';

/** What the server said when it took the message. */
export interface Submitted {
  response: string;
  /** Recipients the server refused while others were accepted, with its reason. */
  rejected: Array<{ address: string; reason: string }>;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  rejected?: string[];
  rejectedErrors?: SmtpError[];
}

/** The same connection options as mail/smtp/transport.ts `createSmtpTransport`. */
function connectionOptions(s: SmtpSettings): ConstructorParameters<typeof SMTPConnection>[0] {
  return {
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'none',
    connectionTimeout: 10_000,
    greetingTimeout: 8_000,
    socketTimeout: 60_000,
    logger: false,
  };
}

/**
 * Submits `raw` to the server: connect, log in, MAIL FROM (with SIZE), RCPT TO, DATA. Resolves
 * on 250; rejects with a SendFailure saying what went wrong and whether a retry is safe.
 */
export async function submitMessage(
  settings: SmtpSettings,
  envelope: { from: string; to: string[] },
  raw: Buffer,
): Promise<Submitted> {
  const connection = new SMTPConnection(connectionOptions(settings));
  // connect() reports failures only as 'error' events, so every step races against them.
  const broken = new Promise<never>((_resolve, reject) => {
    connection.on('error', reject);
    connection.once('end', () =>
      reject(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })),
    );
  });
  broken.catch(() => undefined);
  const step = <T>(run: (done: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> =>
    Promise.race([
      new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value as T)))),
      broken,
    ]);
  const server = `${settings.host}:${settings.port}`;
  let handedOver = false;
  try {
    const login = await loginFor(settings);
    await step<void>((done) => connection.connect((err) => done(err)));
    if (settings.user) await step<void>((done) => connection.login(login, (err) => done(err)));
    // The body is piped only after the server's 354; once it has all been read, the final
    // "." may be on the wire and the server may have taken the message.
    const body = Readable.from([raw]);
    body.once('end', () => {
      handedOver = true;
    });
    const info = await step<{ response: string; rejected: string[]; rejectedErrors?: SmtpError[] }>((done) =>
      connection.send({ ...envelope, size: raw.length }, body, (err, result) =>
        done(err ?? (result ? null : new Error('no answer')), result),
      ),
    );
    connection.quit();
    return { response: info.response, rejected: rejectedOf(info.rejected, info.rejectedErrors) };
  } catch (error) {
    connection.close();
    if (error instanceof SendFailure) throw error;
    throw explainSendError(error as SmtpError, server, handedOver);
  }
}

/**
 * The login for the connection. A token is fetched before connecting, so that a provider that
 * signed the person out stops the reply here: it waits, untouched, for the next sign-in.
 */
async function loginFor(settings: SmtpSettings): Promise<Parameters<SMTPConnection['login']>[0]> {
  if ('password' in settings) return { user: settings.user, pass: settings.password };
  try {
    const token = await settings.tokens.accessToken();
    return { oauth2: xoauth2For(settings.user, settings.tokens, token) };
  } catch (error) {
    const problem = error as Partial<SignInProblem>;
    if (problem.code === 'signed-out')
      throw new SendFailure('signed-out', `${problem.message} The reply waits in the outbox.`, 'safe', true);
    throw error;
  }
}

function rejectedOf(addresses: string[], errors: SmtpError[] | undefined): Submitted['rejected'] {
  return addresses.map((address, i) => ({ address, reason: (errors?.[i]?.response ?? '').trim() }));
}

const SIZE_LIMIT = /larger than allowed (\d+)/i;

/**
 * Classifies a failed submission. An explicit 4xx reply is safe to retry (the server did not
 * take the message), 5xx is final, and a lost connection after the message was handed over is
 * ambiguous: it may have been delivered.
 */
export function explainSendError(e: SmtpError, server: string, handedOver: boolean): SendFailure {
  const reply = (e.response ?? '').trim();
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  const limit = SIZE_LIMIT.exec(e.message ?? '');
  if (limit || status === 552 || /size|too (big|large)/i.test(status && status >= 500 ? reply : '')) {
    const bytes = limit ? Number(limit[1]) : null;
    const max = bytes
      ? ` The server accepts at most ${formatBytes(bytes)}.`
      : reply
        ? ` The server said: ${reply}`
        : '';
    return new SendFailure(
      'too-large',
      `The reply is too large for the mail server.${max} Remove or shrink attachments.`,
      'never',
      false,
    );
  }
  if (e.code === 'EAUTH' || status === 535 || status === 534) {
    return new SendFailure(
      'auth',
      `The SMTP server refused the user name or password${reply ? ` (${reply})` : ''}. Check them in Settings; Gmail and Microsoft 365 need an app password.`,
      'never',
      true,
    );
  }
  if (e.code === 'ETLS' || /tls|ssl|certificate|wrong version number/i.test(e.message ?? '')) {
    return new SendFailure(
      'tls',
      `A secure (TLS) connection to ${server} failed: ${e.message}. Check the SMTP TLS setting (465 uses TLS, 587 STARTTLS).`,
      'never',
      true,
    );
  }
  if (status !== null) return explainReply(e, status, reply);
  return explainNoReply(e, server, handedOver);
}

function explainReply(e: SmtpError, status: number, reply: string): SendFailure {
  if (e.code === 'EENVELOPE' && e.command !== 'MAIL FROM') {
    const who = e.rejected?.join(', ') ?? '';
    return new SendFailure(
      status >= 500 ? 'recipient-refused' : 'deferred',
      status >= 500
        ? `The mail server refused ${who ? `the recipient ${who}` : 'the recipients'}: ${reply}. Check the address, then retry.`
        : `The mail server refused ${who ? `the recipient ${who}` : 'the recipients'} for now: ${reply}. Promptly will retry.`,
      status >= 500 ? 'never' : 'safe',
      false,
    );
  }
  if (status >= 400 && status < 500) {
    return new SendFailure(
      'deferred',
      `The mail server asked to try again later: ${reply}. Promptly will retry.`,
      'safe',
      true,
    );
  }
  return new SendFailure(
    'rejected',
    `The mail server refused the reply: ${reply}. Nothing was sent. Fix what the server names (sender, recipient or content) and retry, or ask your mail provider what it means.`,
    'never',
    false,
  );
}

function explainNoReply(e: SmtpError, server: string, handedOver: boolean): SendFailure {
  if (handedOver) {
    return new SendFailure(
      'uncertain',
      `The connection to ${server} was lost just after the reply was handed over (${e.message}). It may have been sent: check with the customer or send it again.`,
      'ambiguous',
      true,
    );
  }
  return new SendFailure(
    'server-unreachable',
    `Could not reach the mail server ${server} (${e.message}). The reply is kept and will be sent when the server answers.`,
    'safe',
    true,
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
