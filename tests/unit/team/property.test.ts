import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftTeamEvent, type TeamEventDraft } from '../../../src/main/team/draft';
import { applyEvent, fold } from '../../../src/main/team/fold';
import type { TeamLogEntry } from '../../../src/shared/teamEvents';
import { emptyTeamState, type TeamState } from '../../../src/main/team/state';
import { isOwnershipEventType, type TeamEvent } from '../../../src/shared/teamEvents';
import { testId } from './eventFactory';

/**
 * Several replicas act on a shared log from their own, often stale, views. Offline replicas
 * queue events and append them later; the server gives UIDs with gaps; junk is mixed in.
 */
const people = ['alice@acme.example', 'bob@acme.example', 'carol@acme.example'];
const threads = ['t1@shop.example', 't2@shop.example'];

type Step =
  | { kind: 'act'; who: number; thread: number; action: number; target: number }
  | { kind: 'sync'; who: number; upTo: number }
  | { kind: 'flush'; who: number }
  | { kind: 'offline'; who: number }
  | { kind: 'junk'; junk: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      who: fc.nat(2),
      thread: fc.nat(1),
      action: fc.nat(9),
      target: fc.nat(2),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      who: fc.nat(2),
      upTo: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('flush' as const), who: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), who: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), junk: fc.nat(3) }) },
);

function actionFor(s: Extract<Step, { kind: 'act' }>): TeamEventDraft {
  const thread = threads[s.thread] ?? 't1@shop.example';
  const to = people[s.target] ?? people[0] ?? '';
  const base = { thread, known: [thread] };
  const actions: TeamEventDraft[] = [
    { ...base, type: 'claim', payload: {} },
    { ...base, type: 'assign', payload: { to } },
    { ...base, type: 'handoff.offer', payload: { to } },
    { ...base, type: 'handoff.accept', payload: {} },
    { ...base, type: 'handoff.decline', payload: {} },
    { ...base, type: 'release', payload: {} },
    { ...base, type: 'note', payload: { text: 'n', mentions: [to] } },
    { ...base, type: 'close', payload: {} },
    { ...base, type: 'snooze', payload: { until: 5 } },
    { thread: null, known: [], type: 'profile', payload: { name: to } },
  ];
  return actions[s.action] ?? actions[0]!;
}

const junk = [null, 'garbage', { v: 2, type: 'claim' }, { v: 1, type: 'teleport', id: testId(1) }];

interface Replica {
  state: TeamState;
  seen: number;
  online: boolean;
  pending: TeamEvent[];
}

/** Runs the steps; returns the server's log and each replica (synced in arbitrary chunks). */
function simulate(steps: Step[], gaps: number[]) {
  const server: TeamLogEntry[] = [];
  const replicas: Replica[] = people.map(() => ({ state: emptyTeamState(), seen: 0, online: true, pending: [] }));
  let uid = 0;
  let ids = 0;
  const append = (event: unknown) => {
    uid += 1 + (gaps[server.length % gaps.length] ?? 0);
    server.push({ uid, event });
  };
  const syncTo = (replica: Replica, upTo: number) => {
    for (const entry of server.slice(replica.seen, upTo)) applyEvent(replica.state, entry);
    replica.seen = Math.max(replica.seen, upTo);
    replica.state = JSON.parse(JSON.stringify(replica.state)); // a snapshot, persisted and reloaded
    replica.pending = replica.pending.filter((e) => replica.state.outcomeIndex[e.id] === undefined);
  };
  for (const s of steps) {
    const replica = replicas[s.kind === 'junk' ? 0 : s.who];
    if (!replica) continue;
    if (s.kind === 'act') {
      const context = { actor: people[s.who] ?? '', id: testId(++ids), at: ids, pending: replica.pending };
      const event = draftTeamEvent(replica.state, actionFor(s), context);
      if (replica.online) append(event);
      else replica.pending.push(event);
    } else if (s.kind === 'sync') {
      syncTo(replica, Math.round(s.upTo * server.length));
    } else if (s.kind === 'flush') {
      replica.online = true;
      replica.pending.forEach(append);
    } else if (s.kind === 'offline') {
      replica.online = false;
    } else {
      append(junk[s.junk]);
    }
  }
  for (const replica of replicas) syncTo(replica, server.length);
  return { server, replicas };
}

const scenario = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 60 }),
  gaps: fc.array(fc.nat(3), { minLength: 1, maxLength: 5 }),
  seed: fc.nat(),
});

/** Checks the compare-and-set story: applied ownership events form one chain per thread. */
function expectOneChainPerThread(state: TeamState, server: TeamLogEntry[]) {
  const byUid = new Map(server.map((entry) => [entry.uid, entry.event as TeamEvent]));
  const head = new Map<string, string | null>();
  const owner = new Map<string, string | null>();
  for (const record of state.log) {
    const event = byUid.get(record.uid);
    if (record.outcome.status !== 'applied' || !event || event.thread === null || !isOwnershipEventType(event.type))
      continue;
    expect(event.base).toBe(head.get(record.thread ?? '') ?? null);
    head.set(record.thread ?? '', event.id);
    const before = owner.get(record.thread ?? '') ?? null;
    const after =
      event.type === 'claim' || event.type === 'handoff.accept'
        ? event.actor
        : event.type === 'assign'
          ? event.payload.to
          : event.type === 'release'
            ? null
            : before;
    owner.set(record.thread ?? '', after);
  }
  for (const [key, thread] of Object.entries(state.threads)) {
    expect(thread.owner).toBe(owner.get(key) ?? null);
    if (thread.pendingHandoff) expect(thread.pendingHandoff.from).toBe(thread.owner);
  }
}

describe('team fold properties', () => {
  it('is deterministic, idempotent, chunkable, and keeps one owner chain per thread', () => {
    fc.assert(
      fc.property(scenario, ({ steps, gaps, seed }) => {
        const { server, replicas } = simulate(steps, gaps);
        const once = fold(server);
        const shuffled = [...server].sort(
          (a, b) => ((a.uid * 2654435761 + seed) % 97) - ((b.uid * 2654435761 + seed) % 97),
        );
        expect(fold(shuffled)).toEqual(once);
        expect(fold(server, fold(server))).toEqual(once);
        for (const replica of replicas) expect(replica.state).toEqual(once);
        expect(once.log).toHaveLength(server.length);
        expectOneChainPerThread(once, server);
      }),
      { numRuns: 300 },
    );
  });

  it('loses every concurrent claim but the first, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2], { minLength: 1 }), (order) => {
        const claims = order.map((who, i) =>
          draftTeamEvent(
            emptyTeamState(),
            { type: 'claim', thread: 't1@x', known: [], payload: {} },
            { actor: people[who] ?? '', id: testId(i + 1), at: i },
          ),
        );
        const state = fold(claims.map((event, i) => ({ uid: 10 + i, event })));
        expect(state.threads['t1@x']?.owner).toBe(people[order[0] ?? 0]);
        expect(state.log.filter((r) => r.outcome.status === 'applied')).toHaveLength(1);
      }),
    );
  });
});
