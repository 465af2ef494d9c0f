/**
 * The disk-side peers: `notmuch new` and `mu index` indexing the maildir mbsync copied, so
 * their times cover parsing and full-text indexing of the same mail the engine syncs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from './deliver';
import { readKb } from '../support/memory';

/** One timed run of a peer's command. */
export interface PeerRun {
  ms: number;
  /** VmHWM of the process, sampled every 20 ms (approximate). */
  peakRssMb: number | null;
}

/** Installs Debian packages that are missing (root only); throws with advice otherwise. */
export async function ensureApt(binary: string, pkg: string): Promise<void> {
  if (existsSync(binary)) return;
  if (process.getuid?.() !== 0) throw new Error(`${binary} is missing: sudo apt-get install -y ${pkg}`);
  process.stderr.write(`installing ${pkg}…\n`);
  const install = (): Promise<string> => run('apt-get', ['install', '-y', '--no-install-recommends', pkg]);
  await install().catch(async () => {
    await run('apt-get', ['update']);
    await install();
  });
}

/** Runs a command to completion, timing it and sampling its peak RSS. */
export function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<PeerRun> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
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
      if (code !== 0) reject(new Error(`${command} exited ${code}: ${err.trim().slice(-2000)}`));
      else resolve({ ms: Math.round(ms), peakRssMb: peakKb ? Math.round(peakKb / 1024) : null });
    });
  });
}

/** A peer indexer set up on a maildir: its version and one timed full index. */
export interface Indexer {
  version: string;
  index(): Promise<PeerRun>;
}

/** notmuch with its database in `dir` and `maildir` as the mail root (Debian package notmuch). */
export async function setUpNotmuch(dir: string, maildir: string): Promise<Indexer> {
  await ensureApt('/usr/bin/notmuch', 'notmuch');
  // notmuch new creates its database only inside a folder that exists.
  await mkdir(path.join(dir, 'db'), { recursive: true });
  const config = path.join(dir, 'notmuch-config');
  await writeFile(
    config,
    [
      '[database]',
      `path=${path.join(dir, 'db')}`,
      `mail_root=${maildir}`,
      '[user]',
      'name=Bench',
      'primary_email=bench@promptly.test',
      '[new]',
      'tags=unread;inbox;',
      '[maildir]',
      'synchronize_flags=true',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, NOTMUCH_CONFIG: config };
  return {
    version: (await run('notmuch', ['--version'])).trim(),
    index: () => timeCommand('notmuch', ['new', '--quiet'], env),
  };
}

/** mu with its database in `dir`, initialised on `maildir` (Debian package maildir-utils). */
export async function setUpMu(dir: string, maildir: string): Promise<Indexer> {
  await ensureApt('/usr/bin/mu', 'maildir-utils');
  await mkdir(dir, { recursive: true });
  await run('mu', ['init', `--muhome=${dir}`, `--maildir=${maildir}`, '--quiet']);
  return {
    version: (await run('mu', ['--version'])).split('\n')[0]?.trim() ?? 'mu',
    index: () => timeCommand('mu', ['index', `--muhome=${dir}`, '--quiet']),
  };
}
