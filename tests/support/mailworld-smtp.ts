/**
 * The SMTP half of the mail world: an authenticated submission server that relays each
 * accepted message to Dovecot over LMTP, logs it to files and obeys failure rules, so that
 * test workers in other processes can read the log and plant failures. Used by ./mailworld.ts.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import type net from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';
import { HOST } from './mailworld-dovecot';

/** One message accepted by the SMTP server: envelope plus raw RFC 5322 source. */
export interface SmtpMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

/** Narrows a failure rule or a log query to envelopes with this sender and/or recipient. */
export interface EnvelopeFilter {
  from?: string;
  to?: string;
}

/** A planted failure: the next DATA matching the filter answers `code message`. */
export interface FailureRule extends EnvelopeFilter {
  code: number;
  message: string;
}

/** What the relay needs from the world; passed in so this module does not know about users. */
export interface RelayDeps {
  dir: string;
  /** Accepted messages are pushed here as well as written to `<dir>/smtp-log/`. */
  log: SmtpMessage[];
  passwordOf(user: string): Promise<string | null>;
  /** When set, the server also offers XOAUTH2 and asks this whether the token signs in `user`. */
  tokenSignsIn?(user: string, token: string): Promise<boolean>;
  deliver(to: string[], raw: Buffer, from: string): Promise<void>;
}

const smtpLogDir = (dir: string): string => path.join(dir, 'smtp-log');
const controlDir = (dir: string): string => path.join(dir, 'smtp-control');

type SmtpError = Error & { responseCode: number };

const smtpError = (code: number, message: string): SmtpError =>
  Object.assign(new Error(message), { responseCode: code });

/** Adapts a promise to smtp-server's callback style. */
function answer(work: Promise<unknown>, callback: (err?: Error | null) => void): void {
  work.then(
    () => callback(),
    (err: Error) => callback(err),
  );
}

/**
 * Starts the submission server on a free loopback port: AUTH PLAIN/LOGIN against the world's
 * users, no TLS, and every accepted message relayed over LMTP.
 */
export async function startSmtpRelay(deps: RelayDeps): Promise<{ port: number; close: () => Promise<void> }> {
  let sequence = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: deps.tokenSignsIn ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
    banner: 'Promptly mail world',
    logger: false,
    // A pooled client that never says QUIT must not hold up stop() for the default 30 s.
    closeTimeout: 500,
    onAuth: (auth, _session, callback) => {
      checkLogin(deps, auth).then(
        (ok) =>
          ok ? callback(null, { user: auth.username }) : callback(smtpError(535, '5.7.8 Authentication failed')),
        callback,
      );
    },
    // Unknown users are refused at RCPT time, as a real server does, rather than after DATA.
    onRcptTo: ({ address }, _session, callback) => {
      const known = deps.passwordOf(address).then((password) => {
        if (password === null) throw smtpError(550, `5.1.1 <${address}> User doesn't exist`);
      });
      answer(known, callback);
    },
    onData: (stream, session, callback) => {
      const relayed = relayMessage(deps, stream, session).then((message) => {
        deps.log.push(message);
        return writeLogEntry(deps.dir, ++sequence, message);
      });
      answer(relayed, callback);
    },
  });
  // smtp-server reports client socket errors here; without a listener they would crash the run.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const { port } = server.server.address() as net.AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function checkLogin(deps: RelayDeps, auth: SMTPServerAuthentication): Promise<boolean> {
  if (auth.method === 'XOAUTH2')
    return !!auth.username && !!auth.accessToken && !!(await deps.tokenSignsIn?.(auth.username, auth.accessToken));
  if (!auth.username || auth.password === undefined) return false;
  return (await deps.passwordOf(auth.username)) === auth.password;
}

/** Reads DATA, applies a pending failure rule, else hands the message to Dovecot over LMTP. */
async function relayMessage(deps: RelayDeps, stream: Readable, session: SMTPServerSession): Promise<SmtpMessage> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer); // smtp-server needs DATA drained
  const raw = Buffer.concat(chunks);
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
  const rule = await claimFailureRule(deps.dir, from, to);
  if (rule) throw smtpError(rule.code, rule.message);
  try {
    await deps.deliver(to, raw, from);
  } catch (err) {
    // Pass LMTP's own verdict (e.g. 552 over quota) through; anything else is transient.
    const code = (err as Partial<SmtpError>).responseCode;
    const reason = err instanceof Error ? err.message : String(err);
    throw smtpError(typeof code === 'number' ? code : 451, `LMTP relay failed: ${reason}`);
  }
  return { from, to, raw };
}

/** Each entry is `<n>.eml` plus a `<n>.json` envelope sidecar, which is renamed into place last. */
async function writeLogEntry(dir: string, n: number, message: SmtpMessage): Promise<void> {
  const base = path.join(smtpLogDir(dir), String(n).padStart(6, '0'));
  await writeFile(`${base}.eml`, message.raw);
  await writeFile(`${base}.tmp`, JSON.stringify({ from: message.from, to: message.to }));
  await rename(`${base}.tmp`, `${base}.json`);
}

/** Reads the accepted messages back from `<dir>/smtp-log/`, oldest first. */
export async function readSmtpLog(dir: string, filter: EnvelopeFilter = {}): Promise<SmtpMessage[]> {
  const names = (await readdir(smtpLogDir(dir))).filter((name) => name.endsWith('.json')).sort();
  const messages: SmtpMessage[] = [];
  for (const name of names) {
    const base = path.join(smtpLogDir(dir), name.slice(0, -'.json'.length));
    const envelope = JSON.parse(await readFile(`${base}.json`, 'utf8')) as { from: string; to: string[] };
    if (matches(filter, envelope.from, envelope.to)) messages.push({ ...envelope, raw: await readFile(`${base}.eml`) });
  }
  return messages;
}

/** Plants a rule as one file in `<dir>/smtp-control/`, so workers add rules without a lock. */
export async function addFailureRule(dir: string, rule: FailureRule): Promise<void> {
  const name = `${String(Date.now()).padStart(15, '0')}-${randomBytes(4).toString('hex')}.json`;
  const tmp = path.join(controlDir(dir), `.${name}.tmp`);
  await writeFile(tmp, JSON.stringify(rule));
  await rename(tmp, path.join(controlDir(dir), name));
}

/** Takes the oldest rule matching the envelope; the rename lets only one concurrent DATA claim it. */
async function claimFailureRule(dir: string, from: string, to: string[]): Promise<FailureRule | null> {
  const names = (await readdir(controlDir(dir))).filter((name) => !name.startsWith('.')).sort();
  for (const name of names) {
    const file = path.join(controlDir(dir), name);
    const rule = JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) as FailureRule | null;
    if (!rule || !matches(rule, from, to)) continue;
    const claimed = path.join(controlDir(dir), `.${name}.claimed`);
    const won = await rename(file, claimed).then(
      () => true,
      () => false,
    );
    if (!won) continue;
    await unlink(claimed);
    return rule;
  }
  return null;
}

function matches(filter: EnvelopeFilter, from: string, to: string[]): boolean {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const wanted = filter.to;
  return (!filter.from || same(filter.from, from)) && (!wanted || to.some((rcpt) => same(rcpt, wanted)));
}
