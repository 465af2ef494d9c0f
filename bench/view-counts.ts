/**
 * Benchmark: the sidebar's view counts and the slowest views at 100,000 threads, the query the
 * app asks after every stored batch of a first sync. Prints one JSON object.
 * Run: `npm run bench:view-counts [-- threads] [-- teamShare]`.
 */
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/main/store/db';
import { listThreadsInView } from '../src/main/store/repos/threads';
import { countViews } from '../src/main/store/repos/viewCounts';
import { seedViewThreads, viewAccount } from '../tests/support/viewThreads';

const threads = Number(process.argv[2] ?? 100_000);
const teamShare = Number(process.argv[3] ?? 0.05);
const now = Date.UTC(2026, 10, 30, 12);
const me = 'me@team.example';
const lead = 4 * 3_600_000;

/** Median wall time of `runs` calls after one warm-up. */
function median(runs: number, work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[runs >> 1] ?? 0) * 100) / 100;
}

const db = openDb(':memory:');
const accountId = viewAccount(db, 'support@bench.example', now);
seedViewThreads(db, { accountId, count: threads, now, me, teamShare, seed: 16 });
if (process.argv.includes('--analyze')) db.exec('ANALYZE');
const view = (name: string) => () =>
  listThreadsInView(db, { accountId, view: name, me, now, leadMs: lead, sort: 'recent', limit: 200, offset: 0 });
console.log(
  JSON.stringify({
    threads,
    teamShare,
    countViewsMs: median(9, () => countViews(db, { accountId, me, now, leadMs: lead })),
    mineMs: median(9, view('mine')),
    unassignedMs: median(9, view('unassigned')),
    allMs: median(9, view('all')),
    counts: countViews(db, { accountId, me, now, leadMs: lead }),
  }),
);
