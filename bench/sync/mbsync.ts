/** The peer: mbsync (Debian package isync) mirroring the same INBOX to a local maildir. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from './deliver';
import { readKb } from '../support/memory';

/** One mbsync run. */
export interface MbsyncRun {
  ms: number;
  /** VmHWM of the mbsync process, sampled every 20 ms (approximate). */
  peakRssMb: number | null;
}

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
  if (!existsSync('/usr/bin/mbsync')) {
    if (process.getuid?.() !== 0) throw new Error('mbsync is missing: sudo apt-get install -y isync');
    process.stderr.write('installing isync…\n');
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'isync']).catch(async () => {
      await run('apt-get', ['update']);
      await run('apt-get', ['install', '-y', '--no-install-recommends', 'isync']);
    });
  }
  return (await run('mbsync', ['-v'])).trim();
}

/** Writes a config (plain IMAP on loopback, pull only, INBOX only) into `dir`. */
export async function setUpMbsync(opts: {
  dir: string;
  host: string;
  port: number;
  user: string;
  password: string;
  fsync: boolean;
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
    'SSLType None',
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
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn('mbsync', ['-q', '-c', configFile, 'bench'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let peakKb = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peakKb = Math.max(peakKb, readKb(`/proc/${child.pid}/status`, 'VmHWM') ?? 0);
    };
    const timer = setInterval(sample, 20);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - began;
      clearInterval(timer);
      if (code !== 0) reject(new Error(`mbsync exited ${code}: ${err.trim()}`));
      else resolve({ ms: Math.round(ms), peakRssMb: peakKb ? Math.round(peakKb / 1024) : null });
    });
  });
}
