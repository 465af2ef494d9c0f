/**
 * A real mail world for integration tests: a private Dovecot 2.3 (IMAP + LMTP) plus an
 * authenticated SMTP submission server that relays every accepted message into Dovecot.
 *
 * Everything shared between processes lives in files under the world's directory (users, the
 * SMTP log, failure rules), so test workers attach to a world that the vitest global setup
 * started, given only the serialisable {@link MailWorldInfo}.
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ensureMailPackages } from './ensure-packages';
import { HOST, mailOwner, startDovecot, type MailOwner } from './mailworld-dovecot';
import { addFailureRule, readSmtpLog, startSmtpRelay, type EnvelopeFilter, type SmtpMessage } from './mailworld-smtp';

export type { EnvelopeFilter, SmtpMessage } from './mailworld-smtp';

/** A host and port on loopback. */
export interface Endpoint {
  host: string;
  port: number;
}

/** Everything another process needs to use a running world; plain JSON for vitest's provide/inject. */
export interface MailWorldInfo {
  imap: Endpoint;
  lmtpPort: number;
  smtp: Endpoint;
  dir: string;
  /** Dovecot's passwd-file database: one passwd-file per user, named by the full address. */
  passwdDir: string;
  /** uid/gid that own the mail; every user gets them. */
  mailOwner: { uid: number; gid: number };
}

/** Credentials of a mailbox; `user` is the IMAP/SMTP login (the full address). */
export interface Mailbox {
  address: string;
  user: string;
  password: string;
}

/** A message for {@link MailWorldClient.deliverMail}; only `to` becomes an envelope recipient. */
export interface MailSpec {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  date?: Date;
  cc?: string[];
  html?: string;
  headers?: Record<string, string>;
}

/** Operations that work from any process, through the world's files and its LMTP port. */
export interface MailWorldClient {
  info: MailWorldInfo;
  /** Adds the user `<localPart>-<random>@<domain>` (default support@promptly.test); it can log in at once. */
  createMailbox(localPart?: string, domain?: string): Promise<Mailbox>;
  /** Delivers a raw message into `to`'s INBOX over LMTP. */
  deliver(to: string, raw: string | Buffer, envelopeFrom?: string): Promise<void>;
  /** Composes a message with nodemailer's MailComposer and delivers it to `spec.to` over LMTP. */
  deliverMail(spec: MailSpec): Promise<{ messageId: string }>;
  /** Messages the SMTP server accepted so far, oldest first, optionally filtered. */
  smtpMessages(filter?: EnvelopeFilter): Promise<SmtpMessage[]>;
  /**
   * Makes the next matching DATA answer `code message` (e.g. 451 for a transient failure).
   * Pass a filter when test files run in parallel, so that the failure hits your own message.
   */
  failNext(code: number, message: string, filter?: EnvelopeFilter): Promise<void>;
}

/** A world started by this process: the client operations plus its live log and `stop()`. */
export interface MailWorld extends MailWorldClient {
  imap: Endpoint;
  lmtpPort: number;
  smtp: Endpoint;
  dir: string;
  /** Accepted SMTP messages, pushed live (only in the process that started the world). */
  smtpLog: SmtpMessage[];
  /** Stops Dovecot and the SMTP server, and removes `dir` unless KEEP_MAILWORLD is set. */
  stop(): Promise<void>;
}

/** Where the world lives and, for the OAuth world, how its servers check tokens. */
export interface MailWorldOptions {
  dir?: string;
  /** Rewrites Dovecot's generated configuration. */
  adjustDovecot?: (config: string) => string;
  /** Makes the SMTP server offer XOAUTH2, validated by this. */
  tokenSignsIn?: (user: string, token: string) => Promise<boolean>;
}

/**
 * Starts Dovecot and the SMTP relay on free loopback ports, in a fresh `mailworld-*` directory
 * inside `opts.dir` (default: the OS temp dir). Installs Dovecot first where it can.
 */
export async function startMailWorld(opts: MailWorldOptions = {}): Promise<MailWorld> {
  const binaries = await ensureMailPackages();
  const owner = mailOwner();
  const dir = await makeWorldDir(opts.dir ?? os.tmpdir(), owner);
  const removeDir = async (): Promise<void> => {
    if (!process.env.KEEP_MAILWORLD) await rm(dir, { recursive: true, force: true });
  };
  const dovecot = await startDovecot(binaries, dir, owner, opts.adjustDovecot).catch(async (err: unknown) => {
    await removeDir();
    throw err;
  });
  // Dovecot is unref'd and would outlive a test process that exits without stop().
  process.on('exit', dovecot.kill);
  const info: MailWorldInfo = {
    imap: { host: HOST, port: dovecot.imapPort },
    lmtpPort: dovecot.lmtpPort,
    smtp: { host: HOST, port: 0 },
    dir,
    passwdDir: path.join(dir, 'users'),
    mailOwner: { uid: owner.uid, gid: owner.gid },
  };
  const smtpLog: SmtpMessage[] = [];
  const smtp = await startSmtpRelay({
    dir,
    log: smtpLog,
    passwordOf: (user) => passwordOf(info, user),
    ...(opts.tokenSignsIn ? { tokenSignsIn: opts.tokenSignsIn } : {}),
    deliver: (to, raw, from) => lmtpDeliver(info, to, raw, from),
  }).catch(async (err: unknown) => {
    await dovecot.stop();
    await removeDir();
    throw err;
  });
  info.smtp.port = smtp.port;
  const stop = async (): Promise<void> => {
    process.off('exit', dovecot.kill);
    await Promise.all([smtp.close(), dovecot.stop()]);
    await removeDir();
  };
  const client = await attachMailWorld(info);
  return { ...client, imap: info.imap, lmtpPort: info.lmtpPort, smtp: info.smtp, dir, smtpLog, stop };
}

/** Gives a process that did not start the world (a test worker) the same client operations. */
export async function attachMailWorld(info: MailWorldInfo): Promise<MailWorldClient> {
  return {
    info,
    createMailbox: (localPart, domain) => createMailbox(info, localPart, domain),
    deliver: (to, raw, from) => lmtpDeliver(info, [to], raw, from ?? 'mailworld@promptly.test'),
    deliverMail: (spec) => deliverMail(info, spec),
    smtpMessages: (filter) => readSmtpLog(info.dir, filter),
    failNext: (code, message, filter) => addFailureRule(info.dir, { code, message, ...filter }),
  };
}

// --- Directory layout and users ---------------------------------------------------------------

async function makeWorldDir(parent: string, owner: MailOwner): Promise<string> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'mailworld-'));
  // mkdtemp makes 0700, but Dovecot's login and auth processes run as other users.
  await chmod(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'users', 'smtp-log', 'smtp-control']) await mkdir(path.join(dir, sub));
  await chown(path.join(dir, 'mail'), owner.uid, owner.gid);
  return dir;
}

/**
 * Writes the user's own passwd-file. One shared file would not do: Dovecot stats a passwd-file
 * at most once per second, so a user appended right after another login stays unknown.
 */
async function createMailbox(info: MailWorldInfo, localPart = 'support', domain = 'promptly.test'): Promise<Mailbox> {
  // Dovecot lowercases logins before the lookup, so names are stored lowercase.
  const address = `${localPart}-${randomBytes(5).toString('hex')}@${domain}`.toLowerCase();
  const password = randomBytes(12).toString('base64url');
  const { uid, gid } = info.mailOwner;
  const line = `${address}:{PLAIN}${password}:${uid}:${gid}::${path.join(info.dir, 'mail', address)}::\n`;
  const file = path.join(info.passwdDir, address);
  // Write under a temporary name and rename, so Dovecot never reads half a line.
  await writeFile(`${file}.tmp`, line, { mode: 0o644 });
  await rename(`${file}.tmp`, file);
  return { address, user: address, password };
}

/** The stored password of `user`, or null when there is no such user. */
async function passwordOf(info: MailWorldInfo, user: string): Promise<string | null> {
  const name = user.toLowerCase();
  if (name.includes('/') || name.startsWith('.')) return null;
  const line = await readFile(path.join(info.passwdDir, name), 'utf8').catch(() => '');
  return line.split(':')[1]?.replace(/^\{PLAIN\}/, '') ?? null;
}

// --- LMTP delivery -----------------------------------------------------------------------------

async function lmtpDeliver(info: MailWorldInfo, to: string[], raw: string | Buffer, from: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: HOST, port: info.lmtpPort, lmtp: true });
  try {
    const result = await transport.sendMail({ envelope: { from, to }, raw });
    if (result.rejected.length > 0) throw new Error(`LMTP rejected ${result.rejected.join(', ')}: ${result.response}`);
  } finally {
    transport.close();
  }
}

async function deliverMail(info: MailWorldInfo, spec: MailSpec): Promise<{ messageId: string }> {
  const node = new MailComposer({ ...spec, date: spec.date ?? new Date() }).compile();
  const raw = await node.build();
  await lmtpDeliver(info, [bareAddress(spec.to)], raw, bareAddress(spec.from));
  return { messageId: node.messageId() };
}

/** `Name <a@b>` → `a@b`, so specs can use display names. */
const bareAddress = (address: string): string => /<([^>]+)>/.exec(address)?.[1] ?? address.trim();
