/** The peer: mbsync (Debian package isync) mirroring the same INBOX to a local maildir. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './deliver';
import { ensureApt, timeCommand, type PeerRun } from './peers';

/** One mbsync run. */
export type MbsyncRun = PeerRun;

/** A configured mbsync channel for one mailbox. */
export interface Mbsync {
  version: string;
  configFile: string;
  maildir: string;
  /** Runs the channel once and times it. */
  sync(): Promise<MbsyncRun>;
}

/** Installs isync with apt when missing (Debian, root); throws with advice otherwise. */
export async function ensureMbsync(): Promise<string> {
  await ensureApt('/usr/bin/mbsync', 'isync');
  return (await run('mbsync', ['-v'])).trim();
}

/** Writes a config (IMAP on loopback, IMAPS when `certFile` is given; pull only, INBOX only) into `dir`. */
export async function setUpMbsync(opts: {
  dir: string;
  host: string;
  port: number;
  user: string;
  password: string;
  fsync: boolean;
  /** Trust this self-signed certificate and connect with implicit TLS. */
  certFile?: string;
}): Promise<Mbsync> {
  const version = await ensureMbsync();
  const maildir = path.join(opts.dir, 'maildir');
  await mkdir(maildir, { recursive: true });
  const configFile = path.join(opts.dir, 'mbsyncrc');
  // mbsync wants a blank line between sections.
  const config = [
    `FSync ${opts.fsync ? 'yes' : 'no'}`,
    '',
    'IMAPAccount bench',
    `Host ${opts.host}`,
    `Port ${opts.port}`,
    `User ${opts.user}`,
    `Pass ${opts.password}`,
    ...(opts.certFile ? ['SSLType IMAPS', `CertificateFile ${opts.certFile}`] : ['SSLType None']),
    'AuthMechs LOGIN',
    '',
    'IMAPStore far',
    'Account bench',
    '',
    'MaildirStore near',
    `Path ${maildir}/`,
    `Inbox ${maildir}/INBOX`,
    '',
    'Channel bench',
    'Far :far:',
    'Near :near:',
    'Patterns INBOX',
    'Sync Pull',
    'Create Near',
    'SyncState *',
    '',
  ].join('\n');
  await writeFile(configFile, config, { mode: 0o600 });
  return { version, configFile, maildir, sync: () => timeMbsync(configFile) };
}

function timeMbsync(configFile: string): Promise<MbsyncRun> {
  return timeCommand('mbsync', ['-q', '-c', configFile, 'bench']);
}
