/**
 * Benchmark: fold 100,000 team events (target < 1 s), and the cost of applying one
 * more event at 10k and at 100k events (O(1): the two should match). Also the snapshot size and
 * the message decode rate, which the sync loop pays per log message.
 * Prints one JSON object. Run: `npx tsx bench/team-fold.ts [events]`.
 */
import os from 'node:os';
import { decodeTeamEventSource } from '../src/main/mail/teamLogMessage';
import { encodeTeamEventMessage } from '../src/main/team/eventMessage';
import { applyEvent, fold } from '../src/main/team/fold';
import type { TeamLogEntry } from '../src/shared/teamEvents';
import type { TeamState } from '../src/main/team/state';
import { teamEventSchema } from '../src/shared/teamEvents';
import { mulberry32 as random } from '../tests/support/prng';

const TOTAL = Number(process.argv[2] ?? 100_000);
const PROBE = 2_000;
const PEOPLE = ['alice', 'bob', 'carol', 'dan', 'erin', 'femi', 'gus', 'hana'].map((n) => `${n}@acme.example`);
const THREADS = Math.max(100, Math.floor(TOTAL / 5));

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A realistic mix: ownership changes (85% from a current view, 15% stale), notes, status. */
function buildLog(count: number): TeamLogEntry[] {
  const rnd = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const heads = new Map<string, string | null>();
  const entries: TeamLogEntry[] = PEOPLE.map((actor, i) => ({
    uid: i + 1,
    event: {
      v: 1,
      id: uuid(i + 1),
      type: 'profile',
      thread: null,
      actor,
      base: null,
      at: i,
      known: [],
      payload: { name: actor },
    },
  }));
  for (let n = entries.length + 1; n <= count; n++) {
    const thread = `order-${Math.floor(rnd() * THREADS)}@shop.example`;
    const actor = pick(PEOPLE);
    const roll = rnd();
    const head = heads.get(thread) ?? null;
    const base = rnd() < 0.85 ? head : null;
    const [type, payload] =
      roll < 0.2
        ? ['claim', {}]
        : roll < 0.28
          ? ['assign', { to: pick(PEOPLE) }]
          : roll < 0.32
            ? ['release', {}]
            : roll < 0.7
              ? ['note', { text: 'Checked the courier tracking; parcel is at the depot.', mentions: [pick(PEOPLE)] }]
              : roll < 0.8
                ? ['close', {}]
                : roll < 0.9
                  ? ['promise', { due: 1_760_000_000_000 + n * 1000, text: '' }]
                  : ['snooze', { until: 1_760_000_000_000 + n * 1000 }];
    const id = uuid(n);
    if (type === 'claim' || type === 'assign' || type === 'release') heads.set(thread, id);
    entries.push({ uid: n, event: { v: 1, id, type, thread, actor, base, at: n, known: [thread], payload } });
  }
  return entries;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall and CPU milliseconds of a full fold. CPU time is what counts on a busy machine. */
function timeFold(entries: TeamLogEntry[], runs: number): { wallMs: number; cpuMs: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fold(entries);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: Number(median(wall).toFixed(1)), cpuMs: Number(median(cpu).toFixed(1)) };
}

/** Microseconds per event for the next PROBE events after `size` are folded. */
function perEventCost(entries: TeamLogEntry[], size: number, runs: number): number {
  const costs: number[] = [];
  const probe = entries.slice(size, size + PROBE);
  for (let r = 0; r < runs; r++) {
    const state: TeamState = fold(entries.slice(0, size));
    const start = performance.now();
    for (const entry of probe) applyEvent(state, entry);
    costs.push(((performance.now() - start) * 1000) / probe.length);
  }
  return median(costs);
}

async function decodeRate(entries: TeamLogEntry[]): Promise<{ messagesPerSecond: number; averageBytes: number }> {
  const raws = entries.slice(100, 2_100).map((entry) => encodeTeamEventMessage(teamEventSchema.parse(entry.event)));
  for (const raw of raws.slice(0, 200)) await decodeTeamEventSource(raw); // warm-up
  const start = performance.now();
  for (const raw of raws) await decodeTeamEventSource(raw);
  const seconds = (performance.now() - start) / 1000;
  const bytes = raws.reduce((sum, raw) => sum + raw.length, 0);
  return { messagesPerSecond: Math.round(raws.length / seconds), averageBytes: Math.round(bytes / raws.length) };
}

const entries = buildLog(TOTAL + PROBE);
const all = entries.slice(0, TOTAL);
timeFold(all.slice(0, 10_000), 2); // warm-up
const firstFold = timeFold(all, 1);
const foldMs = timeFold(all, 5);
const state = fold(all);
const snapshotStart = performance.now();
const snapshot = JSON.stringify(state);
const stringifyMs = performance.now() - snapshotStart;
const parseStart = performance.now();
JSON.parse(snapshot);
const parseMs = performance.now() - parseStart;
const outcomes = { applied: 0, lost: 0, ignored: 0 };
for (const record of state.log) outcomes[record.outcome.status] += 1;

console.log(
  JSON.stringify(
    {
      bench: 'team-fold',
      node: process.version,
      events: TOTAL,
      threads: Object.keys(state.threads).length,
      outcomes,
      fold: { first: firstFold, median: foldMs, targetMs: 1000 },
      foldEventsPerSecond: Math.round(TOTAL / (foldMs.wallMs / 1000)),
      loadAverage: os.loadavg()[0],
      applyEventMicroseconds: {
        at10k: Number(perEventCost(entries, Math.min(10_000, TOTAL), 5).toFixed(2)),
        [`at${Math.round(TOTAL / 1000)}k`]: Number(perEventCost(entries, TOTAL, 5).toFixed(2)),
      },
      snapshot: {
        bytes: snapshot.length,
        stringifyMs: Number(stringifyMs.toFixed(1)),
        parseMs: Number(parseMs.toFixed(1)),
      },
      decode: await decodeRate(entries),
    },
    null,
    2,
  ),
);
