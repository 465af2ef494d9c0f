/**
 * The Promptly side of the sync benchmark, run in its own process so that its peak RSS is the
 * engine's alone: `node --import tsx bench/sync/engine.ts CONFIG.json RESULT.json`.
 * Uses only the public API (PromptlyService.syncNow, listThreads) so it survives engine rewrites.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ImapFlow } from 'imapflow';
import { openDb, type Db } from '../../src/main/store/db';
import { MemorySecretStore } from '../../src/main/secrets';
import { PromptlyService } from '../../src/main/service/service';
import { listThreads } from '../../src/main/store/repos/threads';
import type { AccountInput } from '../../src/shared/schemas';
import { Prng } from '../support/prng';
import { RssSampler } from '../support/memory';

/** What the parent hands the engine process. */
export interface EngineConfig {
  dataDir: string;
  account: AccountInput;
  seed: number;
  expected: { messages: number; threads: number; newestThreadKey: string; newestThreadKeys: string[] };
  noChangeRuns: number;
  changeFraction: number;
}

/** What the engine process reports back. */
export interface EngineResult {
  initialMs: number;
  /** listThreads(200) returned 200 threads including the newest message's thread. */
  newest200Ms: number | null;
  /** listThreads(200) returned exactly the mailbox's 200 newest threads. */
  newest200ExactMs: number | null;
  firstThreadMs: number | null;
  /** Last sync event after start, once events went quiet for a second (background work). */
  lastEventMs: number;
  /** All rows have body_state 'done' (null when the column is absent or never settled). */
  bodiesDoneMs: number | null;
  noChangeMs: number[];
  noChangeMedianMs: number;
  flagChange: {
    changed: number;
    storeMs: number;
    resyncMs: number;
    serverFlagged: number;
    localFlagged: number | null;
  };
  stored: { messages: number | null; threads: number | null; failed: number };
  events: { threadsChanged: number; progress: number };
  /** CPU of the engine process and main-thread event-loop utilisation during the initial sync (to settle). */
  initialCpu: {
    userMs: number;
    systemMs: number;
    eventLoopUtilization: number;
    /** CPU (user + system) of the main thread (from /proc), and of all other threads (the parse worker, SQLite, libuv). */
    mainThreadMs: number | null;
    otherThreadsMs: number | null;
  };
  /** MB. baseline: RSS just before the first sync (runtime, modules, empty database). */
  memory: { baselineMb: number; sampledPeakMb: number; vmHwmMb: number | null; initialPeakMb: number };
  dbBytes: number;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/task/<tid>/stat times. */
const CLOCK_TICKS = 100;
const log = (s: string): void => void process.stderr.write(`[engine] ${s}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(configFile: string, resultFile: string): Promise<void> {
  const cfg = JSON.parse(readFileSync(configFile, 'utf8')) as EngineConfig;
  const memory = new RssSampler(50);
  const dbFile = path.join(cfg.dataDir, 'promptly.sqlite');
  const db = openDb(dbFile);
  const service = new PromptlyService({
    db,
    secrets: new MemorySecretStore(),
    now: Date.now,
    version: 'bench',
    // As the app runs: large messages go to files in the data folder.
    dataDir: cfg.dataDir,
  });
  const report = await service.saveAccount(cfg.account);
  if (!report.ok) throw new Error(`account refused: ${report.imap.message} / ${report.smtp.message}`);
  const accountId = service.requireAccount().id;
  const baselineMb = Math.round(process.memoryUsage().rss / 2 ** 20);

  let t0 = performance.now();
  let lastEvent = t0;
  const counts = { threadsChanged: 0, progress: 0 };
  const marks: { first: number | null; n200: number | null; exact: number | null } = {
    first: null,
    n200: null,
    exact: null,
  };
  const want = new Set(cfg.expected.newestThreadKeys);
  const check = (): void => {
    if (marks.exact !== null) return;
    const rows = listThreads(db, accountId, 200, 0);
    const at = performance.now() - t0;
    if (marks.first === null && rows.length > 0) marks.first = at;
    if (rows.length < Math.min(200, want.size)) return;
    if (marks.n200 === null && rows.some((r) => r.key === cfg.expected.newestThreadKey)) marks.n200 = at;
    if (rows.every((r) => want.has(r.key))) marks.exact = at;
  };
  let scheduled = false;
  const scheduleCheck = (): void => {
    if (scheduled) return;
    scheduled = true;
    // After the emitting code returns, so an event raised inside a transaction sees committed rows.
    setImmediate(() => {
      scheduled = false;
      check();
    });
  };
  service.events.on('threads.changed', () => {
    counts.threadsChanged += 1;
    lastEvent = performance.now();
    scheduleCheck();
  });
  let lastLog = 0;
  service.events.on('sync.progress', (p) => {
    counts.progress += 1;
    lastEvent = performance.now();
    if (lastEvent - lastLog > 2000) {
      lastLog = lastEvent;
      log(`${p.folder} ${p.done}/${p.total} (${Math.round(p.rate)} msg/s)`);
    }
  });
  const poll = setInterval(check, 50);

  log('initial sync…');
  const cpu0 = process.cpuUsage();
  const threads0 = threadCpu();
  const elu0 = performance.eventLoopUtilization();
  t0 = performance.now();
  lastEvent = t0;
  const initial = await service.syncNow();
  const initialMs = performance.now() - t0;
  check();
  log(`initial sync resolved in ${Math.round(initialMs)} ms; waiting for background work to settle`);
  const bodiesDoneMs = await settle(db, () => lastEvent, t0);
  check();
  clearInterval(poll);
  const initialPeakMb = memory.mark();
  const cpu = process.cpuUsage(cpu0);
  const main0 = threads0.get(process.pid);
  const main1 = threadCpu().get(process.pid);
  const mainThreadMs = main0 !== undefined && main1 !== undefined ? Math.round(main1 - main0) : null;
  const initialCpu = {
    mainThreadMs,
    // Threads that ended (the parse workers close) count in the process total, not in /proc.
    otherThreadsMs: mainThreadMs === null ? null : Math.round((cpu.user + cpu.system) / 1000) - mainThreadMs,
    userMs: Math.round(cpu.user / 1000),
    systemMs: Math.round(cpu.system / 1000),
    eventLoopUtilization: Math.round(performance.eventLoopUtilization(elu0).utilization * 100) / 100,
  };

  const noChangeMs: number[] = [];
  for (let i = 0; i < cfg.noChangeRuns; i++) {
    const began = performance.now();
    await service.syncNow();
    noChangeMs.push(round(performance.now() - began));
  }
  log(`no-change resyncs: ${noChangeMs.join(', ')} ms`);

  const flagged = await flagSome(cfg);
  log(`flagged ${flagged.changed} messages on the server in ${flagged.storeMs} ms; resyncing`);
  const began = performance.now();
  await service.syncNow();
  const resyncMs = round(performance.now() - began);
  await sleep(200); // let a background flag pass (if any) land before counting

  const result: EngineResult = {
    initialMs: round(initialMs),
    newest200Ms: roundOrNull(marks.n200),
    newest200ExactMs: roundOrNull(marks.exact),
    firstThreadMs: roundOrNull(marks.first),
    lastEventMs: round(lastEvent - t0 > initialMs ? lastEvent - t0 : initialMs),
    bodiesDoneMs,
    noChangeMs,
    noChangeMedianMs: median(noChangeMs),
    flagChange: {
      ...flagged,
      resyncMs,
      localFlagged: count(db, "SELECT COUNT(*) AS n FROM messages WHERE flags LIKE '%Flagged%'"),
    },
    stored: {
      messages: count(db, 'SELECT COUNT(*) AS n FROM messages'),
      threads: count(db, 'SELECT COUNT(*) AS n FROM threads WHERE message_count > 0'),
      failed: initial.folders.reduce((s, f) => s + f.failed, 0),
    },
    events: counts,
    initialCpu,
    memory: { baselineMb, ...memory.stop(), initialPeakMb },
    dbBytes: ['', '-wal'].reduce((s, ext) => s + fileSize(dbFile + ext), 0),
  };
  db.close();
  writeFileSync(resultFile, JSON.stringify(result));
}

/** CPU ms (user + system) of each live thread of this process, by thread id; empty where /proc is absent. */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th (in clock ticks).
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    }
  } catch {
    // not Linux: the process totals above still hold
  }
  return out;
}

/** Waits until no sync event for 1 s and no pending bodies; returns when bodies were all done. */
async function settle(db: Db, lastEvent: () => number, t0: number): Promise<number | null> {
  const deadline = performance.now() + 15 * 60_000;
  let bodiesDone: number | null = null;
  while (performance.now() < deadline) {
    const pending = count(db, "SELECT COUNT(*) AS n FROM messages WHERE body_state = 'pending'");
    if (pending === 0 && bodiesDone === null) bodiesDone = round(performance.now() - t0);
    if ((pending === 0 || pending === null) && performance.now() - lastEvent() > 1000) break;
    await sleep(100);
  }
  return bodiesDone;
}

/** Sets \Flagged on a seeded `changeFraction` of INBOX through a separate connection. */
async function flagSome(cfg: EngineConfig): Promise<{ changed: number; storeMs: number; serverFlagged: number }> {
  const a = cfg.account;
  const client = new ImapFlow({
    host: a.imap.host,
    port: a.imap.port,
    secure: a.imap.tls === 'tls',
    doSTARTTLS: false,
    auth: { user: a.user, pass: a.password },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const box = await client.mailboxOpen('INBOX');
    const rng = new Prng(cfg.seed + 7);
    const uids = sampleUids(rng, box.uidNext - 1, Math.max(1, Math.round((box.uidNext - 1) * cfg.changeFraction)));
    const began = performance.now();
    for (let i = 0; i < uids.length; i += 500)
      await client.messageFlagsAdd(uids.slice(i, i + 500).join(','), ['\\Flagged'], { uid: true });
    const storeMs = round(performance.now() - began);
    const all = await client.search({ flagged: true }, { uid: true });
    return { changed: uids.length, storeMs, serverFlagged: all ? all.length : 0 };
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/** `k` distinct UIDs out of 1..max, ascending (partial Fisher–Yates). */
function sampleUids(rng: Prng, max: number, k: number): number[] {
  const all = Array.from({ length: max }, (_, i) => i + 1);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(max - i);
    const [a, b] = [all[i] ?? 0, all[j] ?? 0];
    all[i] = b;
    all[j] = a;
  }
  return all.slice(0, k).sort((a, b) => a - b);
}

/** A COUNT query, or null when the schema no longer has what it names. */
function count(db: Db, sql: string): number | null {
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } catch {
    return null;
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
const roundOrNull = (ms: number | null): number | null => (ms === null ? null : round(ms));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const [configFile, resultFile] = process.argv.slice(2);
  if (!configFile || !resultFile) throw new Error('usage: engine.ts CONFIG.json RESULT.json');
  main(configFile, resultFile).then(
    () => process.exit(0),
    (err: unknown) => {
      log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(1);
    },
  );
}
