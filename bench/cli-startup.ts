/**
 * Benchmark: how long `promptly status` takes from process start to exit, for the built CLI
 * (`npm run build:cli`, the `promptly` command) and for `tsx` on the TypeScript sources.
 * The data folder holds a saved account and its folders, as after `account set`.
 * Prints one JSON object with the median of several runs. Run: `npm run bench:cli [-- --runs N]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../src/main/store/db';
import { databaseFile } from '../src/main/paths';
import { saveAccount } from '../src/main/store/repos/accounts';
import { ensureFolder } from '../src/main/store/repos/folders';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const RUNS = Math.max(3, Number(values.runs));
const BUILT = join(process.cwd(), 'out', 'cli', 'promptly.mjs');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Wall time of one run in ms; fails loudly when the command does. */
function timeRun(command: string, args: string[]): number {
  const began = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8' });
  const ms = performance.now() - began;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

function measure(command: string, args: string[], runs: number) {
  timeRun(command, args); // warm the file cache
  const times = Array.from({ length: runs }, () => timeRun(command, args));
  return {
    medianMs: Math.round(median(times)),
    minMs: Math.round(Math.min(...times)),
    maxMs: Math.round(Math.max(...times)),
    runs,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'promptly-bench-cli-'));
try {
  const db = openDb(databaseFile(dataDir));
  const accountId = saveAccount(
    db,
    {
      address: 'support@example.com',
      displayName: 'Support',
      imap: { host: 'imap.example.com', port: 993, tls: 'tls' },
      smtp: { host: 'smtp.example.com', port: 465, tls: 'tls' },
      user: 'support@example.com',
      secretRef: 'account:support@example.com',
    },
    Date.now(),
  );
  ensureFolder(db, accountId, 'INBOX', 'inbox');
  ensureFolder(db, accountId, 'Sent', 'sent');
  db.close();
  if (!existsSync(BUILT)) throw new Error('Build the CLI first: npm run build:cli');
  const args = ['--data-dir', dataDir, 'status'];
  const built = measure(process.execPath, [BUILT, ...args], RUNS);
  const tsx = measure(process.execPath, ['--import', 'tsx', 'src/main/cli/main.ts', ...args], Math.min(RUNS, 5));
  console.log(
    JSON.stringify(
      {
        bench: 'cli-startup',
        command: 'promptly status',
        built,
        tsxSources: tsx,
        nodeEmpty: measure(process.execPath, ['-e', '0'], RUNS),
        loadAverage: os.loadavg()[0],
        cpus: os.cpus().length,
        node: process.version,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
