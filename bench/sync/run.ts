/**
 * `npm run bench:sync [-- --messages 100000]`: generates a deterministic mailbox, puts it into a
 * private Dovecot, then times mbsync and the Promptly engine on it in the same run. One JSON
 * object on stdout; progress on stderr.
 *
 * Flags: --messages N (20000), --seed S, --engine-first (default runs mbsync first),
 * --mbsync-fsync (mbsync's default FSync yes; off by default because the engine does not fsync
 * per message either), --no-mbsync, --no-delivery-compare (skip the LMTP / doveadm save sample),
 * --keep (leave the temp directory with Dovecot's maildir, mbsync's copy and the engine's DB).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMailWorld } from '../../tests/support/mailworld';
import { doveadmSaveRate, indexInbox, lmtpRate, maildirOf, maildirWriter, run, type DeliveryRate } from './deliver';
import { generateMailbox, type GeneratedMessage } from './generate';
import { setUpMbsync, type MbsyncRun } from './mbsync';
import type { EngineConfig, EngineResult } from './engine';
import { evaluate } from './targets';

const log = (s: string): void => void process.stderr.write(`[bench:sync] ${s}\n`);
const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '20240611' },
    'no-mbsync': { type: 'boolean', default: false },
    'no-delivery-compare': { type: 'boolean', default: false },
    'mbsync-fsync': { type: 'boolean', default: false },
    'engine-first': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const n = Number(args.messages);
  const seed = Number(args.seed);
  if (!Number.isInteger(n) || n < 10) throw new Error('--messages must be an integer >= 10');
  const root = mkdtempSync(path.join(os.tmpdir(), 'promptly-bench-'));
  chmodSync(root, 0o755); // Dovecot's own users must reach the world directory inside
  const world = await startMailWorld({ dir: root });
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
    const generateAndWriteMs = performance.now() - began;
    log(`generated and written in ${Math.round(generateAndWriteMs)} ms; first SELECT (Dovecot indexes)…`);
    const index = await indexInbox(world, mailbox);
    const deliveryOk = index.exists === n && index.newestUidMessageId === summary.newest.messageId;
    if (!deliveryOk) log(`WARNING: delivery check failed: ${JSON.stringify(index)}`);
    const delivery = {
      method: 'maildir files written directly into Maildir/cur, indexed by Dovecot on first SELECT',
      generateMs: Math.round(generateAndWriteMs - writeMs),
      writeMs: Math.round(writeMs),
      firstSelectMs: Math.round(index.firstSelectMs),
      totalMs: Math.round(generateAndWriteMs + index.firstSelectMs),
      messagesPerSecond: Math.round((n / (generateAndWriteMs + index.firstSelectMs)) * 1000),
      verified: {
        ok: deliveryOk,
        exists: index.exists,
        newestHasHighestUid: index.newestUidMessageId === summary.newest.messageId,
      },
      alternatives: args['no-delivery-compare'] ? [] : await compareDelivery(world, sample),
    };

    const mbsyncFirst = !args['engine-first'];
    let peer: PeerFigures | null = null;
    if (!args['no-mbsync'] && mbsyncFirst) peer = await runMbsync(root, world.imap, mailbox);
    const engine = await runEngine(root, world, mailbox, seed, summary);
    if (!args['no-mbsync'] && !mbsyncFirst) peer = await runMbsync(root, world.imap, mailbox);
    if (peer && engine.ok) {
      log('mbsync resync after the 1% flag change…');
      peer.resyncAfterFlagsMs = (await peer.sync()).ms;
    }

    const e = engine.ok ? engine.result : null;
    const out = {
      benchmark: 'sync',
      messages: n,
      seed,
      machine: machine(),
      versions: {
        node: process.version,
        dovecot: (await run('dovecot', ['--version'])).trim(),
        mbsync: peer?.version ?? null,
      },
      order: mbsyncFirst ? 'mbsync, then promptly' : 'promptly, then mbsync',
      mailbox: {
        bytes: summary.bytes,
        medianBodyBytes: summary.medianBodyBytes,
        html: summary.html,
        attachments: summary.attachments,
        replies: summary.replies,
        threads: summary.threads,
      },
      delivery,
      promptly: engine.ok ? engine.result : { error: engine.error },
      mbsync: peer
        ? {
            initialMs: peer.initial.ms,
            noChangeMs: peer.noChange.map((r) => r.ms),
            noChangeMedianMs: median(peer.noChange.map((r) => r.ms)),
            resyncAfterFlagsMs: peer.resyncAfterFlagsMs,
            peakRssMb: Math.max(...[peer.initial, ...peer.noChange].map((r) => r.peakRssMb ?? 0)),
            fsync: args['mbsync-fsync'],
          }
        : null,
      ratios: {
        initial: e && peer ? round2(e.initialMs / peer.initial.ms) : null,
        noChange: e && peer ? round2(e.noChangeMedianMs / median(peer.noChange.map((r) => r.ms))) : null,
        resyncAfterFlags:
          e && peer?.resyncAfterFlagsMs ? round2(e.flagChange.resyncMs / peer.resyncAfterFlagsMs) : null,
      },
      correctness: e
        ? {
            allMessagesStored: e.stored.messages === n,
            allThreadsBuilt: e.stored.threads === summary.threads,
            flagsPickedUp: e.flagChange.localFlagged === e.flagChange.serverFlagged,
          }
        : null,
      targets: evaluate(n, e, peer ? peer.initial.ms : null),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await world.stop();
    if (args.keep) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

interface PeerFigures {
  version: string;
  initial: MbsyncRun;
  noChange: MbsyncRun[];
  resyncAfterFlagsMs: number | null;
  sync: () => Promise<MbsyncRun>;
}

async function runMbsync(
  root: string,
  imap: { host: string; port: number },
  mailbox: { user: string; password: string },
): Promise<PeerFigures> {
  const m = await setUpMbsync({ dir: path.join(root, 'mbsync'), ...imap, ...mailbox, fsync: args['mbsync-fsync'] });
  log(`${m.version}: initial sync…`);
  const initial = await m.sync();
  log(`mbsync initial ${initial.ms} ms; no-change resyncs…`);
  const noChange = [await m.sync(), await m.sync(), await m.sync()];
  log(`mbsync no-change ${noChange.map((r) => r.ms).join(', ')} ms`);
  return { version: m.version, initial, noChange, resyncAfterFlagsMs: null, sync: m.sync };
}

type EngineOutcome = { ok: true; result: EngineResult } | { ok: false; error: string };

async function runEngine(
  root: string,
  world: Awaited<ReturnType<typeof startMailWorld>>,
  mailbox: { address: string; user: string; password: string },
  seed: number,
  summary: ReturnType<typeof generateMailbox>,
): Promise<EngineOutcome> {
  const config: EngineConfig = {
    dataDir: path.join(root, 'promptly'),
    account: {
      address: mailbox.address,
      displayName: 'Support',
      imap: { host: world.imap.host, port: world.imap.port, tls: 'none' },
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
  const configFile = path.join(root, 'engine-config.json');
  const resultFile = path.join(root, 'engine-result.json');
  writeFileSync(configFile, JSON.stringify(config), { mode: 0o600 });
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'engine.ts'), configFile, resultFile], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
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
  out.push(await lmtpRate(world, lmtpBox, sample.slice(0, 300)));
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
