/**
 * `npm run bench:sync`: generates a deterministic mailbox, puts it into a private Dovecot, then
 * times the Promptly engine and its peers on it in the same run: mbsync (copy only) and, on the
 * maildir mbsync copied, `notmuch new` and `mu index` (parse and index). One JSON object on
 * stdout with every time, the ratios and peak RSS; progress on stderr.
 *
 * Flags: --messages N (20000; or BENCH_SYNC_MESSAGES, e.g. 100000), --seed S, --tls (also sync
 * the same mailbox over IMAPS with a self-signed certificate, engine and mbsync, and report the
 * TLS/plain ratio), --big-message MB (add one message of that size with an attachment: the
 * memory figure), --engine-first (default runs the peers first), --mbsync-fsync (mbsync's
 * default FSync yes; off by default because the engine does not fsync per message either),
 * --no-peers, --no-delivery-compare (skip the LMTP / doveadm save sample), --cpu-prof DIR (CPU
 * profiles of the engine process and its workers), --keep (leave the temp directory).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMailWorld } from '../../tests/support/mailworld';
import { doveadmSaveRate, indexInbox, lmtpRate, maildirOf, maildirWriter, run, type DeliveryRate } from './deliver';
import { generateMailbox, type GeneratedMessage } from './generate';
import { setUpMbsync, type MbsyncRun } from './mbsync';
import { setUpMu, setUpNotmuch, type PeerRun } from './peers';
import { setUpTls, type BenchTls } from './tls';
import { bigMessage } from './bigMessage';
import type { EngineConfig, EngineResult } from './engine';
import { evaluate } from './targets';

const log = (s: string): void => void process.stderr.write(`[bench:sync] ${s}\n`);
const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: process.env.BENCH_SYNC_MESSAGES ?? '20000' },
    seed: { type: 'string', default: '20240611' },
    'no-peers': { type: 'boolean', default: false },
    tls: { type: 'boolean', default: false },
    'big-message': { type: 'string' },
    'no-delivery-compare': { type: 'boolean', default: false },
    'mbsync-fsync': { type: 'boolean', default: false },
    'engine-first': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});

async function main(): Promise<void> {
  const n = Number(args.messages);
  const seed = Number(args.seed);
  const bigMb = args['big-message'] ? Number(args['big-message']) : 0;
  if (!Number.isInteger(n) || n < 10) throw new Error('--messages must be an integer >= 10');
  if (!(bigMb >= 0)) throw new Error('--big-message must be a size in MB');
  const root = mkdtempSync(path.join(os.tmpdir(), 'promptly-bench-'));
  chmodSync(root, 0o755); // Dovecot's own users must reach the world directory inside
  const tls = args.tls ? await setUpTls(path.join(root, 'tls')) : null;
  const world = await startMailWorld({ dir: root, ...(tls ? { adjustDovecot: tls.adjust } : {}) });
  try {
    const mailbox = await world.createMailbox('support');
    log(`generating ${n} messages into ${maildirOf(world, mailbox).maildir}`);
    const write = maildirWriter(maildirOf(world, mailbox));
    const sample: GeneratedMessage[] = [];
    let writeMs = 0;
    const began = performance.now();
    const summary = generateMailbox({ messages: n, seed, mailbox: mailbox.address }, (m) => {
      const w = performance.now();
      write(m);
      writeMs += performance.now() - w;
      if (sample.length < 300) sample.push(m);
      if ((m.index + 1) % 20000 === 0) log(`  ${m.index + 1} written`);
    });
    const big = bigMb > 0 ? bigMessage(bigMb, mailbox.address, sample[0]?.date ?? 0, seed, n) : null;
    if (big) write(big);
    const total = n + (big ? 1 : 0);
    const generateAndWriteMs = performance.now() - began;
    log(`generated and written in ${Math.round(generateAndWriteMs)} ms; first SELECT (Dovecot indexes)…`);
    const index = await indexInbox(world, mailbox);
    const deliveryOk = index.exists === total && index.newestUidMessageId === summary.newest.messageId;
    if (!deliveryOk) log(`WARNING: delivery check failed: ${JSON.stringify(index)}`);
    const delivery = {
      method: 'maildir files written directly into Maildir/cur, indexed by Dovecot on first SELECT',
      generateMs: Math.round(generateAndWriteMs - writeMs),
      writeMs: Math.round(writeMs),
      firstSelectMs: Math.round(index.firstSelectMs),
      totalMs: Math.round(generateAndWriteMs + index.firstSelectMs),
      messagesPerSecond: Math.round((total / (generateAndWriteMs + index.firstSelectMs)) * 1000),
      verified: {
        ok: deliveryOk,
        exists: index.exists,
        newestHasHighestUid: index.newestUidMessageId === summary.newest.messageId,
      },
      alternatives: args['no-delivery-compare'] ? [] : await compareDelivery(world, sample),
    };

    const expected = { ...summary, messages: total, threads: summary.threads + (big ? 1 : 0) };
    const peersFirst = !args['engine-first'];
    const withPeers = !args['no-peers'];
    const plainImap = { ...world.imap, tls: 'none' as const };
    let peers: Peers | null = null;
    if (withPeers && peersFirst) peers = await runPeers(root, plainImap, mailbox);
    const engine = await runEngine(path.join(root, 'plain'), world, plainImap, mailbox, seed, expected);
    if (withPeers && !peersFirst) peers = await runPeers(root, plainImap, mailbox);
    if (peers && engine.ok) {
      log('mbsync resync after the 1% flag change…');
      peers.resyncAfterFlagsMs = (await peers.mbsync.sync()).ms;
    }
    const overTls = tls ? await runTls(root, world, tls, mailbox, seed, expected, withPeers) : null;

    const e = engine.ok ? engine.result : null;
    const out = {
      benchmark: 'sync',
      messages: total,
      seed,
      machine: machine(),
      versions: {
        node: process.version,
        dovecot: (await run('dovecot', ['--version'])).trim(),
        mbsync: peers?.version ?? null,
        notmuch: peers?.notmuch?.version ?? null,
        mu: peers?.mu?.version ?? null,
      },
      order: peersFirst ? 'peers, then promptly' : 'promptly, then peers',
      mailbox: {
        bytes: summary.bytes + (big?.raw.length ?? 0),
        medianBodyBytes: summary.medianBodyBytes,
        html: summary.html,
        attachments: summary.attachments + (big ? 1 : 0),
        replies: summary.replies,
        threads: expected.threads,
        bigMessageBytes: big?.raw.length ?? null,
      },
      delivery,
      promptly: engine.ok ? engine.result : { error: engine.error },
      mbsync: peers ? mbsyncFigures(peers) : null,
      notmuch: peers?.notmuch ? peers.notmuch.run : null,
      mu: peers?.mu ? peers.mu.run : null,
      ratios: ratios(e, peers),
      tls: overTls
        ? { ...overTls, vsPlain: e && overTls.promptlyMs ? round2(overTls.promptlyMs / e.initialMs) : null }
        : null,
      correctness: e
        ? {
            allMessagesStored: e.stored.messages === total,
            allThreadsBuilt: e.stored.threads === expected.threads,
            flagsPickedUp: e.flagChange.localFlagged === e.flagChange.serverFlagged,
          }
        : null,
      targets: evaluate(total, e, {
        mbsyncMs: peers?.initial.ms ?? null,
        muMs: peers?.mu?.run.ms ?? null,
        tlsMs: overTls?.promptlyMs ?? null,
      }),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await world.stop();
    if (args.keep) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

interface Peers {
  version: string;
  initial: MbsyncRun;
  noChange: MbsyncRun[];
  resyncAfterFlagsMs: number | null;
  mbsync: { sync: () => Promise<MbsyncRun> };
  notmuch: { version: string; run: PeerRun } | null;
  mu: { version: string; run: PeerRun } | null;
}

type Imap = { host: string; port: number; tls: 'none' | 'tls' };

/** mbsync's initial and no-change syncs, then notmuch and mu indexing what mbsync copied. */
async function runPeers(
  root: string,
  imap: Imap,
  mailbox: { user: string; password: string },
  certFile?: string,
): Promise<Peers> {
  const dir = path.join(root, certFile ? 'mbsync-tls' : 'mbsync');
  const m = await setUpMbsync({ dir, ...imap, ...mailbox, fsync: args['mbsync-fsync'], certFile });
  log(`${m.version}${certFile ? ' (TLS)' : ''}: initial sync…`);
  const initial = await m.sync();
  log(`mbsync initial ${initial.ms} ms; no-change resyncs…`);
  const noChange = [await m.sync(), await m.sync(), await m.sync()];
  log(`mbsync no-change ${noChange.map((r) => r.ms).join(', ')} ms`);
  const peers: Peers = {
    version: m.version,
    initial,
    noChange,
    resyncAfterFlagsMs: null,
    mbsync: m,
    notmuch: null,
    mu: null,
  };
  if (certFile) return peers;
  const maildir = path.join(m.maildir, 'INBOX');
  const indexWith = async (name: string, setUp: typeof setUpMu): Promise<{ version: string; run: PeerRun } | null> => {
    try {
      const indexer = await setUp(path.join(root, name), maildir);
      log(`${indexer.version}: indexing mbsync's maildir…`);
      const result = { version: indexer.version, run: await indexer.index() };
      log(`${name} ${result.run.ms} ms`);
      return result;
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  return { ...peers, notmuch: await indexWith('notmuch', setUpNotmuch), mu: await indexWith('mu', setUpMu) };
}

function mbsyncFigures(p: Peers): Record<string, unknown> {
  return {
    initialMs: p.initial.ms,
    noChangeMs: p.noChange.map((r) => r.ms),
    noChangeMedianMs: median(p.noChange.map((r) => r.ms)),
    resyncAfterFlagsMs: p.resyncAfterFlagsMs,
    peakRssMb: Math.max(...[p.initial, ...p.noChange].map((r) => r.peakRssMb ?? 0)),
    fsync: args['mbsync-fsync'],
  };
}

/** The engine's times over the peers' (below 1 the engine is faster). */
function ratios(e: EngineResult | null, p: Peers | null): Record<string, number | null> {
  const over = (x: number | null | undefined, y: number | null | undefined): number | null =>
    x && y ? round2(x / y) : null;
  const mu = p?.mu?.run.ms;
  const notmuch = p?.notmuch?.run.ms;
  return {
    initialVsMbsync: over(e?.initialMs, p?.initial.ms),
    initialVsMbsyncPlusMu: over(e?.initialMs, mu && p ? p.initial.ms + mu : null),
    initialVsMbsyncPlusNotmuch: over(e?.initialMs, notmuch && p ? p.initial.ms + notmuch : null),
    noChange: over(e?.noChangeMedianMs, p ? median(p.noChange.map((r) => r.ms)) : null),
    resyncAfterFlags: over(e?.flagChange.resyncMs, p?.resyncAfterFlagsMs),
  };
}

/** The same mailbox over IMAPS: the engine (trusting the bench's certificate) and mbsync. */
async function runTls(
  root: string,
  world: Awaited<ReturnType<typeof startMailWorld>>,
  tls: BenchTls,
  mailbox: { address: string; user: string; password: string },
  seed: number,
  expected: ExpectedMailbox,
  withPeers: boolean,
): Promise<{ promptlyMs: number | null; promptlyPeakRssMb: number | null; mbsyncMs: number | null; error?: string }> {
  const imap: Imap = { host: world.imap.host, port: tls.imapsPort, tls: 'tls' };
  log('TLS: engine…');
  const engine = await runEngine(path.join(root, 'tls'), world, imap, mailbox, seed, expected, tls.certFile);
  const peers = withPeers ? await runPeers(root, imap, mailbox, tls.certFile) : null;
  return {
    promptlyMs: engine.ok ? engine.result.initialMs : null,
    promptlyPeakRssMb: engine.ok ? engine.result.memory.sampledPeakMb : null,
    mbsyncMs: peers?.initial.ms ?? null,
    ...(engine.ok ? {} : { error: engine.error }),
  };
}

type ExpectedMailbox = ReturnType<typeof generateMailbox>;

type EngineOutcome = { ok: true; result: EngineResult } | { ok: false; error: string };

async function runEngine(
  dir: string,
  world: Awaited<ReturnType<typeof startMailWorld>>,
  imap: Imap,
  mailbox: { address: string; user: string; password: string },
  seed: number,
  summary: ExpectedMailbox,
  certFile?: string,
): Promise<EngineOutcome> {
  const config: EngineConfig = {
    dataDir: path.join(dir, 'promptly'),
    account: {
      address: mailbox.address,
      displayName: 'Support',
      imap,
      smtp: { host: world.smtp.host, port: world.smtp.port, tls: 'none' },
      user: mailbox.user,
      password: mailbox.password,
    },
    seed,
    expected: {
      messages: summary.messages,
      threads: summary.threads,
      newestThreadKey: summary.newest.threadKey,
      newestThreadKeys: summary.newestThreadKeys,
    },
    noChangeRuns: 5,
    changeFraction: 0.01,
  };
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'engine-config.json');
  const resultFile = path.join(dir, 'engine-result.json');
  writeFileSync(configFile, JSON.stringify(config), { mode: 0o600 });
  const prof = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`] : [];
  // The engine trusts the bench's self-signed certificate the way a user would add it: as a CA.
  const env = certFile ? { ...process.env, NODE_EXTRA_CA_CERTS: certFile } : process.env;
  const code = await new Promise<number | null>((resolve, reject) => {
    const argv = [...prof, '--import', 'tsx', path.join(here, 'engine.ts'), configFile, resultFile];
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) return { ok: false, error: `engine process exited ${code} (see stderr)` };
  return { ok: true, result: JSON.parse(readFileSync(resultFile, 'utf8')) as EngineResult };
}

/** LMTP and doveadm save on a small sample, into a mailbox of their own. */
async function compareDelivery(
  world: Awaited<ReturnType<typeof startMailWorld>>,
  sample: GeneratedMessage[],
): Promise<DeliveryRate[]> {
  log('comparing delivery methods on a sample…');
  const lmtpBox = await world.createMailbox('lmtp');
  const saveBox = await world.createMailbox('save');
  const out: DeliveryRate[] = [];
  // With --tls Dovecot's LMTP offers STARTTLS with the self-signed certificate; a failure here
  // is reported in the JSON instead of ending the run.
  out.push(
    await lmtpRate(world, lmtpBox, sample.slice(0, 300)).catch((e: unknown) =>
      failed('lmtp (connection per message)', e),
    ),
  );
  out.push(
    await doveadmSaveRate(world, saveBox, sample.slice(0, 100)).catch((e: unknown) => failed('doveadm save', e)),
  );
  return out;
}

const failed = (method: string, e: unknown): DeliveryRate & { error: string } => ({
  method,
  messages: 0,
  ms: 0,
  perSecond: 0,
  error: e instanceof Error ? e.message : String(e),
});

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
