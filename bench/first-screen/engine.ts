/**
 * One engine run for `bench:first-screen`, in its own process: a first sync through the
 * public service until `listThreads(200)` returns exactly the mailbox's 200 newest threads,
 * then the process ends (the rest of the sync is not this benchmark's business).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../../src/main/store/db';
import { MemorySecretStore } from '../../src/main/secrets';
import { PromptlyService } from '../../src/main/service/service';
import { listThreads } from '../../src/main/store/repos/threads';
import type { AccountInput } from '../../src/shared/schemas';

/** What the parent hands an engine run. */
export interface FirstScreenConfig {
  dataDir: string;
  account: AccountInput;
  newestThreadKey: string;
  newestThreadKeys: string[];
}

/** Milliseconds from the start of `syncNow` to each mark. */
export interface FirstScreenResult {
  firstThreadMs: number | null;
  newest200Ms: number | null;
  newest200ExactMs: number | null;
  /** `threads.changed` events seen before the exact mark, and the slowest list query. */
  events: number;
  slowestListMs: number;
}

async function main(configFile: string, resultFile: string): Promise<void> {
  const cfg = JSON.parse(readFileSync(configFile, 'utf8')) as FirstScreenConfig;
  const db = openDb(path.join(cfg.dataDir, 'promptly.sqlite'));
  const service = new PromptlyService({ db, secrets: new MemorySecretStore(), now: Date.now, version: 'bench' });
  const saved = await service.saveAccount(cfg.account);
  if (!saved.ok) throw new Error(`account refused: ${saved.imap.message}`);
  const accountId = service.requireAccount().id;
  const want = new Set(cfg.newestThreadKeys);
  const result: FirstScreenResult = {
    firstThreadMs: null,
    newest200Ms: null,
    newest200ExactMs: null,
    events: 0,
    slowestListMs: 0,
  };
  let t0 = performance.now();
  const finish = (): void => {
    writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
  };
  const check = (): void => {
    const began = performance.now();
    const rows = listThreads(db, accountId, 200, 0);
    const at = performance.now();
    result.slowestListMs = Math.max(result.slowestListMs, Math.round((at - began) * 10) / 10);
    const ms = Math.round(at - t0);
    if (result.firstThreadMs === null && rows.length > 0) result.firstThreadMs = ms;
    if (rows.length < Math.min(200, want.size)) return;
    if (result.newest200Ms === null && rows.some((r) => r.key === cfg.newestThreadKey)) result.newest200Ms = ms;
    if (rows.every((r) => want.has(r.key))) {
      result.newest200ExactMs = ms;
      finish();
    }
  };
  service.events.on('threads.changed', () => {
    result.events += 1;
    // After the emitting code returns, so an event raised inside a transaction sees committed rows.
    setImmediate(check);
  });
  const poll = setInterval(check, 20);
  t0 = performance.now();
  await service.syncNow();
  clearInterval(poll);
  check();
  finish();
}

const [configFile, resultFile] = process.argv.slice(2);
if (!configFile || !resultFile) throw new Error('usage: engine.ts CONFIG.json RESULT.json');
main(configFile, resultFile).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
