/**
 * `npm run bench:first-screen`: how long until the newest 200 conversations are on screen
 * during a first sync of a large mailbox (issue 16: <= 0.5 s at 100,000 messages), and where
 * that time goes. Generates the `bench:sync` mailbox once into a private Dovecot, then:
 * - times each step of the path to the first screen on its own (login, SELECT, the UID list,
 *   splitting it into batches, the first header FETCH, storing it, the thread-list query);
 * - runs the real engine (`engine.ts`, a process per run) until `listThreads(200)` returns the
 *   newest 200 threads, and reports the median of the runs.
 * The first engine run finds Dovecot's cache cold (as bench:sync does) and is reported apart;
 * the step timings run last. --base DIR runs the engine of another checkout (with this
 * directory copied into it) in turns with this one, so a change is compared on the same load.
 * Flags: --messages N (100000), --runs R (3), --cpu-prof DIR (profile of each engine run).
 * One JSON object on stdout, progress on stderr. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMailWorld } from '../../tests/support/mailworld';
import { indexInbox, maildirOf, maildirWriter } from '../sync/deliver';
import { generateMailbox } from '../sync/generate';
import { stepTimes } from './steps';
import type { FirstScreenConfig, FirstScreenResult } from './engine';

const log = (s: string): void => void process.stderr.write(`[bench:first-screen] ${s}\n`);
const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20240611' },
    'cpu-prof': { type: 'string' },
    base: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const n = Number(args.messages);
  const runs = Number(args.runs);
  const root = mkdtempSync(path.join(os.tmpdir(), 'promptly-first-screen-'));
  chmodSync(root, 0o755);
  const world = await startMailWorld({ dir: root });
  try {
    const mailbox = await world.createMailbox('support');
    log(`generating ${n} messages`);
    const write = maildirWriter(maildirOf(world, mailbox));
    const summary = generateMailbox({ messages: n, seed: Number(args.seed), mailbox: mailbox.address }, write);
    const index = await indexInbox(world, mailbox);
    log(`Dovecot indexed ${index.exists} messages in ${Math.round(index.firstSelectMs)} ms`);
    const account = {
      address: mailbox.address,
      displayName: 'Support',
      imap: { ...world.imap, tls: 'none' as const },
      smtp: { host: world.smtp.host, port: world.smtp.port, tls: 'none' as const },
      user: mailbox.user,
      password: mailbox.password,
    };
    const config = (name: string): FirstScreenConfig => ({
      dataDir: path.join(root, name),
      account,
      newestThreadKey: summary.newest.threadKey,
      newestThreadKeys: summary.newestThreadKeys,
    });
    const cold = await runEngine(config('engine-cold'), here);
    log(`cold engine run: newest 200 at ${cold.newest200ExactMs} ms`);
    const engine: FirstScreenResult[] = [];
    const base: FirstScreenResult[] = [];
    for (let i = 0; i < runs; i++) {
      if (args.base) {
        base.push(await runEngine(config(`base-${i}`), path.resolve(args.base, 'bench/first-screen')));
        log(`base run ${i + 1}: newest 200 at ${base[base.length - 1]?.newest200ExactMs} ms`);
      }
      engine.push(await runEngine(config(`engine-${i}`), here));
      log(`engine run ${i + 1}: newest 200 at ${engine[engine.length - 1]?.newest200ExactMs} ms`);
    }
    const steps = [];
    for (let i = 0; i < runs; i++) steps.push(await stepTimes(account));
    const out = {
      benchmark: 'first-screen',
      messages: n,
      load: os.loadavg().map((l) => Math.round(l * 10) / 10),
      cold,
      engine,
      newest200ExactMedianMs: median(engine.map((e) => e.newest200ExactMs ?? Number.NaN)),
      ...(args.base
        ? { base, baseNewest200ExactMedianMs: median(base.map((e) => e.newest200ExactMs ?? Number.NaN)) }
        : {}),
      steps,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await world.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function runEngine(config: FirstScreenConfig, dir: string): Promise<FirstScreenResult> {
  mkdirSync(config.dataDir, { recursive: true });
  const configFile = path.join(config.dataDir, 'config.json');
  const resultFile = path.join(config.dataDir, 'result.json');
  writeFileSync(configFile, JSON.stringify(config), { mode: 0o600 });
  const prof = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`] : [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const argv = [...prof, '--import', 'tsx', path.join(dir, 'engine.ts'), configFile, resultFile];
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`engine process exited ${code}`);
  return JSON.parse(readFileSync(resultFile, 'utf8')) as FirstScreenResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
