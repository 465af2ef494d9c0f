import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { databaseFile } from '../../src/main/paths';
import { saveAccount } from '../../src/main/store/repos/accounts';
import { ensureFolder } from '../../src/main/store/repos/folders';
import { storeBatch, type IncomingMessage } from '../../src/main/store/ingest';
import { cli } from '../support/cli';

const MAIN = join(import.meta.dirname, '../../src/main/cli/main.ts');
const dirs: string[] = [];

/** A data folder with `count` one-message threads, written straight into the store. */
function seededDataDir(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'promptly-cli-output-'));
  dirs.push(dir);
  const db = openDb(databaseFile(dir));
  const accountId = saveAccount(
    db,
    {
      address: 'support@shop.example',
      displayName: '',
      imap: { host: '127.0.0.1', port: 1, tls: 'none' },
      smtp: { host: '127.0.0.1', port: 1, tls: 'none' },
      user: 'support',
      secretRef: 'cli:support',
    },
    0,
  );
  const folder = ensureFolder(db, accountId, 'INBOX', 'inbox');
  const batch: IncomingMessage[] = Array.from({ length: count }, (_, i) => ({
    accountId,
    folderId: folder.id,
    uid: i + 1,
    flags: [],
    raw: null,
    parsed: {
      messageId: `m${i}@customer.example`,
      inReplyTo: null,
      references: [],
      subject: `Question number ${i} about the order that has not arrived yet`,
      from: { name: `Customer ${i}`, address: `c${i}@customer.example` },
      to: [{ name: '', address: 'support@shop.example' }],
      cc: [],
      date: Date.UTC(2026, 10, 1) + i * 60_000,
      text: 'Where is my parcel?',
      html: null,
      snippet: 'Where is my parcel?',
      hasAttachments: false,
      attachments: [],
    },
  }));
  storeBatch(db, batch, new Set());
  db.close();
  return dir;
}

/** Runs the real CLI as a child process and collects its stdout through a pipe. */
function runPiped(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('CLI output to a pipe', () => {
  it('writes the whole --json document (well over 64 KB) before exiting', async () => {
    const dir = seededDataDir(3000);
    const run = await runPiped(['--data-dir', dir, '--json', 'threads', '--limit', '5000']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(256 * 1024);
    const threads = JSON.parse(run.stdout.toString('utf8')) as unknown[];
    expect(threads).toHaveLength(3000);
  });

  it('a --limit above the cap is bad usage (exit 2) with a plain message', async () => {
    const dir = seededDataDir(1);
    const run = await cli(['--data-dir', dir, 'threads', '--limit', '100000']);
    expect(run.code).toBe(2);
    expect(run.err).toBe('promptly: --limit must be a whole number from 1 to 5000.');
  });
});
