/**
 * The interop matrix: every IMAP server the interop suite runs Promptly against, each a
 * private instance on loopback with its own authenticated SMTP relay, reachable from test
 * workers through the same client operations as the Dovecot mail world.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import {
  attachMailWorld,
  startMailWorld,
  type Endpoint,
  type MailSpec,
  type MailWorldClient,
  type MailWorldInfo,
} from './mailworld';
import { HOST, mailOwner, type MailOwner } from './mailworld-dovecot';
import { ensureServerBinaries } from './mailworld-debs';
import { createCyrusUser, startCyrus } from './mailworld-cyrus';
import { courierDeliver, createCourierUser, startCourier } from './mailworld-courier';
import { addFailureRule, readSmtpLog, startSmtpRelay, type SmtpMessage } from './mailworld-smtp';
import { DOVECOT_VARIANTS, applyVariant } from './mailworld-variants';

/** The servers of the matrix, in the order the README table lists them. */
export const INTEROP_SERVERS = [
  'dovecot',
  'dovecot-prefix',
  'dovecot-no-condstore',
  'dovecot-no-idle',
  'cyrus',
  'courier',
] as const;

/** One server of the matrix. */
export type ServerName = (typeof INTEROP_SERVERS)[number];

/** What people call each server, for test names and the README table. */
export const SERVER_LABELS: Record<ServerName, string> = {
  dovecot: 'Dovecot 2.3',
  'dovecot-prefix': 'Dovecot 2.3, personal namespace "INBOX."',
  'dovecot-no-condstore': 'Dovecot 2.3 without CONDSTORE/QRESYNC',
  'dovecot-no-idle': 'Dovecot 2.3 without IDLE, UIDPLUS or MOVE',
  cyrus: 'Cyrus IMAP 3.6',
  courier: 'Courier-IMAP 5.0',
};

/** Everything a test worker needs to use a running server world (plain JSON). */
export interface ServerWorldInfo {
  server: ServerName;
  label: string;
  imap: Endpoint;
  smtp: Endpoint;
  dir: string;
  owner: MailOwner;
  /** LMTP delivery port (Dovecot and Cyrus); Courier is delivered to by writing its Maildirs. */
  lmtpPort: number | null;
  /** The Dovecot world's own info, for the Dovecot servers. */
  dovecot: MailWorldInfo | null;
}

/** The client operations of a server world, as the Dovecot mail world offers them. */
export type ServerWorld = Omit<MailWorldClient, 'info'> & { info: ServerWorldInfo };

/** Starts one server of the matrix with its SMTP relay; `stop` ends both and removes its folder. */
export async function startServerWorld(
  server: ServerName,
): Promise<{ info: ServerWorldInfo; stop: () => Promise<void> }> {
  if (server === 'dovecot' || server in DOVECOT_VARIANTS) {
    const variant = server === 'dovecot' ? {} : DOVECOT_VARIANTS[server as keyof typeof DOVECOT_VARIANTS];
    const world = await startMailWorld({ adjustDovecot: applyVariant(variant) });
    const info: ServerWorldInfo = {
      server,
      label: SERVER_LABELS[server],
      imap: world.info.imap,
      smtp: world.info.smtp,
      dir: world.info.dir,
      owner: mailOwner(),
      lmtpPort: world.info.lmtpPort,
      dovecot: world.info,
    };
    return { info, stop: () => world.stop() };
  }
  const bin = await ensureServerBinaries();
  const owner = mailOwner();
  const dir = await mkdtemp(path.join(os.tmpdir(), `mailworld-${server}-`));
  await chmod(dir, 0o755);
  for (const sub of ['users', 'smtp-log', 'smtp-control']) await mkdir(path.join(dir, sub));
  const running = server === 'cyrus' ? await startCyrus(bin, dir, owner) : await startCourier(bin, dir);
  process.on('exit', running.kill);
  const info: ServerWorldInfo = {
    server,
    label: SERVER_LABELS[server],
    imap: { host: HOST, port: running.imapPort },
    smtp: { host: HOST, port: 0 },
    dir,
    owner,
    lmtpPort: 'lmtpPort' in running && typeof running.lmtpPort === 'number' ? running.lmtpPort : null,
    dovecot: null,
  };
  const log: SmtpMessage[] = [];
  const smtp = await startSmtpRelay({
    dir,
    log,
    passwordOf: (user) => passwordOf(dir, user),
    deliver: (to, raw, from) => deliver(info, to, raw, from),
  });
  info.smtp.port = smtp.port;
  const stop = async (): Promise<void> => {
    process.off('exit', running.kill);
    await Promise.all([smtp.close(), running.stop()]);
    if (!process.env.KEEP_MAILWORLD) await rm(dir, { recursive: true, force: true });
  };
  return { info, stop };
}

/** The client operations for a world another process started. */
export async function attachServerWorld(info: ServerWorldInfo): Promise<ServerWorld> {
  if (info.dovecot) return { ...(await attachMailWorld(info.dovecot)), info };
  return {
    info,
    createMailbox: (localPart, domain) => createMailbox(info, localPart, domain),
    deliver: (to, raw, from) => deliver(info, [to], Buffer.from(raw), from ?? 'mailworld@promptly.test'),
    deliverMail: async (spec: MailSpec) => {
      const node = new MailComposer({ ...spec, date: spec.date ?? new Date() }).compile();
      const raw = await node.build();
      await deliver(info, [bareAddress(spec.to)], raw, bareAddress(spec.from));
      return { messageId: node.messageId() };
    },
    smtpMessages: (filter) => readSmtpLog(info.dir, filter),
    failNext: (code, message, filter) => addFailureRule(info.dir, { code, message, ...filter }),
  };
}

async function createMailbox(info: ServerWorldInfo, localPart = 'support', domain = 'promptly.test') {
  const address = `${localPart}-${randomBytes(5).toString('hex')}@${domain}`.toLowerCase();
  const password = randomBytes(12).toString('base64url');
  if (info.server === 'cyrus')
    await createCyrusUser({ dir: info.dir, imapPort: info.imap.port, owner: info.owner }, address, password);
  else await createCourierUser({ dir: info.dir, owner: info.owner }, address, password);
  const file = path.join(info.dir, 'users', address);
  await writeFile(`${file}.tmp`, password);
  await rename(`${file}.tmp`, file);
  return { address, user: address, password };
}

async function passwordOf(dir: string, user: string): Promise<string | null> {
  const name = user.toLowerCase();
  if (name.includes('/') || name.startsWith('.')) return null;
  return readFile(path.join(dir, 'users', name), 'utf8').catch(() => null);
}

async function deliver(info: ServerWorldInfo, to: string[], raw: Buffer, from: string): Promise<void> {
  if (info.lmtpPort === null) {
    for (const rcpt of to) await courierDeliver({ dir: info.dir, owner: info.owner }, rcpt.toLowerCase(), raw);
    return;
  }
  const transport = nodemailer.createTransport({ host: HOST, port: info.lmtpPort, lmtp: true });
  try {
    const result = await transport.sendMail({ envelope: { from, to }, raw });
    if (result.rejected.length > 0) throw new Error(`LMTP rejected ${result.rejected.join(', ')}: ${result.response}`);
  } finally {
    transport.close();
  }
}

/** `Name <a@b>` → `a@b`, so specs can use display names. */
const bareAddress = (address: string): string => /<([^>]+)>/.exec(address)?.[1] ?? address.trim();
