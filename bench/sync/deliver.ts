/**
 * Getting the generated mailbox into Dovecot. The fast path writes maildir files straight into
 * the user's `Maildir/cur` (flags in the name, mtime = INTERNALDATE, owned by the mail owner)
 * and lets Dovecot index them on the first SELECT. LMTP and `doveadm save` are measured on a
 * small sample for comparison.
 */
import { spawn } from 'node:child_process';
import { closeSync, fchownSync, futimesSync, mkdirSync, chownSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ImapFlow } from 'imapflow';
import type { MailWorld, Mailbox } from '../../tests/support/mailworld';
import type { GeneratedMessage } from './generate';

/** Where a mailbox's maildir lives and who owns it. */
export interface MaildirTarget {
  maildir: string;
  uid: number;
  gid: number;
}

/** The maildir of `mailbox` in a mail world (home is `<dir>/mail/<address>`, mail_location `~/Maildir`). */
export function maildirOf(world: MailWorld, mailbox: Mailbox): MaildirTarget {
  const home = path.join(world.dir, 'mail', mailbox.address);
  return { maildir: path.join(home, 'Maildir'), ...world.info.mailOwner };
}

/** Creates the maildir skeleton (owned by the mail owner) and returns a synchronous file writer. */
export function maildirWriter(t: MaildirTarget): (m: GeneratedMessage) => void {
  const home = path.dirname(t.maildir);
  for (const dir of [home, t.maildir, ...['cur', 'new', 'tmp'].map((d) => path.join(t.maildir, d))]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chownSync(dir, t.uid, t.gid);
  }
  const cur = path.join(t.maildir, 'cur');
  return (m) => {
    const sec = Math.floor(m.date / 1000);
    let lfs = 0;
    for (let i = m.raw.indexOf(10); i !== -1; i = m.raw.indexOf(10, i + 1)) lfs += 1;
    // Dovecot sorts newly found files by the time in their name, so UIDs follow date order.
    // S= is the file size and W= the CRLF size, which spares Dovecot a stat and a read.
    const name = `${sec}.M${m.index % 1_000_000}P${m.index}.bench,S=${m.raw.length},W=${m.raw.length + lfs}:2,${m.flags}`;
    const fd = openSync(path.join(cur, name), 'wx', 0o600);
    try {
      writeSync(fd, m.raw);
      fchownSync(fd, t.uid, t.gid);
      futimesSync(fd, sec, sec);
    } finally {
      closeSync(fd);
    }
  };
}

/** What the first SELECT found. */
export interface IndexCheck {
  firstSelectMs: number;
  exists: number;
  newestUidMessageId: string | null;
  uidNext: number;
}

/** Opens INBOX once (Dovecot indexes the new files) and reads the newest message's Message-ID. */
export async function indexInbox(world: MailWorld, mailbox: Mailbox): Promise<IndexCheck> {
  const client = new ImapFlow({
    host: world.imap.host,
    port: world.imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: mailbox.user, pass: mailbox.password },
    logger: false,
    socketTimeout: 30 * 60_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const began = performance.now();
    const box = await client.mailboxOpen('INBOX', { readOnly: true });
    const firstSelectMs = performance.now() - began;
    const last = box.exists > 0 ? await client.fetchOne('*', { envelope: true }) : false;
    return {
      firstSelectMs,
      exists: box.exists,
      newestUidMessageId: last && last.envelope?.messageId ? last.envelope.messageId.replace(/^<|>$/g, '') : null,
      uidNext: box.uidNext,
    };
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/** Messages per second for one delivery method on a sample. */
export interface DeliveryRate {
  method: string;
  messages: number;
  ms: number;
  perSecond: number;
}

/** Delivers `sample` over LMTP, one connection per message (tests/support/mailworld `deliver`). */
export async function lmtpRate(world: MailWorld, mailbox: Mailbox, sample: GeneratedMessage[]): Promise<DeliveryRate> {
  const began = performance.now();
  for (const m of sample) await world.deliver(mailbox.address, crlf(m.raw));
  return rate('lmtp (connection per message)', sample.length, performance.now() - began);
}

/** Delivers `sample` with one `doveadm save` process per message. */
export async function doveadmSaveRate(
  world: MailWorld,
  mailbox: Mailbox,
  sample: GeneratedMessage[],
): Promise<DeliveryRate> {
  const conf = path.join(world.dir, 'dovecot.conf');
  const began = performance.now();
  for (const m of sample) await run('doveadm', ['-c', conf, 'save', '-u', mailbox.user, '-m', 'INBOX'], m.raw);
  return rate('doveadm save (process per message)', sample.length, performance.now() - began);
}

const rate = (method: string, messages: number, ms: number): DeliveryRate => ({
  method,
  messages,
  ms: Math.round(ms),
  perSecond: Math.round((messages / ms) * 1000),
});

const crlf = (raw: Buffer): Buffer => Buffer.from(raw.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8');

/** Runs a program with `input` on stdin; rejects on a non-zero exit with its stderr. */
export function run(cmd: string, args: string[], input?: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.trim()}`)),
    );
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // a program that exits without reading its input
      child.stdin.end(input);
    }
  });
}
