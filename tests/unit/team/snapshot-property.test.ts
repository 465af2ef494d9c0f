import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftTeamEvent, type TeamEventDraft } from '../../../src/main/team/draft';
import { applyEvent, fold, foldStored } from '../../../src/main/team/fold';
import { snapshotPayload } from '../../../src/main/team/snapshot';
import { sharedPart } from '../../../src/main/team/snapshotState';
import { emptyTeamState } from '../../../src/main/team/state';
import type { TeamLogEntry } from '../../../src/shared/teamEvents';
import { testId } from './eventFactory';

/**
 * Random histories of team actions with presence, junk and snapshots written in the middle (some
 * by a replica whose state is behind, some damaged). Whatever the history:
 *   fold(everything) == fold(newest snapshot + what follows it)
 * for the shared state, and dropping presence (what compaction expunges) changes nothing.
 */
const people = ['alice@acme.example', 'bob@acme.example', 'carol@acme.example'];
const threads = ['t1@shop.example', 't2@shop.example', 't3@shop.example'];
const UID_VALIDITY = '1700000000';

type Step =
  | { kind: 'act'; who: number; thread: number; action: number }
  | { kind: 'presence'; who: number; thread: number; replying: boolean }
  | { kind: 'snapshot'; who: number; lag: number; damage: boolean }
  | { kind: 'junk' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      who: fc.nat(2),
      thread: fc.nat(2),
      action: fc.nat(12),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('presence' as const),
      who: fc.nat(2),
      thread: fc.nat(2),
      replying: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('snapshot' as const),
      who: fc.nat(2),
      lag: fc.nat(3),
      damage: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const) }) },
);

function actionFor(s: Extract<Step, { kind: 'act' }>): TeamEventDraft {
  const thread = threads[s.thread] ?? 't1@shop.example';
  const to = people[(s.who + 1) % people.length] ?? '';
  const base = { thread, known: [thread] };
  const actions: TeamEventDraft[] = [
    { ...base, type: 'claim', payload: {} },
    { ...base, type: 'assign', payload: { to } },
    { ...base, type: 'handoff.offer', payload: { to } },
    { ...base, type: 'handoff.accept', payload: {} },
    { ...base, type: 'release', payload: {} },
    { ...base, type: 'note', payload: { text: `note ${s.action}`, mentions: [to] } },
    { ...base, type: 'close', payload: {} },
    { ...base, type: 'reopen', payload: {} },
    { ...base, type: 'promise', payload: { due: 1_000 + s.action, text: '' } },
    { ...base, type: 'snooze', payload: { until: 5_000 } },
    { ...base, type: 'merge', payload: { into: threads[(s.thread + 1) % threads.length] ?? '' } },
    { thread: null, known: [], type: 'profile', payload: { name: `Person ${s.who}` } },
    {
      thread: null,
      known: [],
      type: 'template.upsert',
      payload: { templateId: testId(900 + s.who), name: `Reply ${s.who}`, subject: null, body: 'Hi' },
    },
  ];
  return actions[s.action] ?? actions[0]!;
}

/** Builds the server's log: each step appends one message with the next UID (gaps included). */
function build(steps: Step[], gaps: number[]): { log: TeamLogEntry[]; damaged: Set<number> } {
  const log: TeamLogEntry[] = [];
  const damaged = new Set<number>();
  let uid = 0;
  let ids = 0;
  const append = (event: unknown) => {
    uid += 1 + (gaps[log.length % gaps.length] ?? 0);
    log.push({ uid, event });
  };
  for (const s of steps) {
    const actor = people[s.kind === 'junk' ? 0 : s.who] ?? '';
    const context = { actor, id: testId(++ids), at: ids };
    if (s.kind === 'act') {
      append(draftTeamEvent(fold(log), actionFor(s), context));
    } else if (s.kind === 'presence') {
      const thread = threads[s.thread] ?? '';
      const payload = { state: s.replying ? 'replying' : 'stopped' } as const;
      append(draftTeamEvent(fold(log), { type: 'presence', thread, known: [], payload }, context));
    } else if (s.kind === 'snapshot') {
      // The writer has folded all but the last `lag` messages (teammates' appends raced it).
      const seen = fold(log.slice(0, Math.max(0, log.length - s.lag)));
      const payload = snapshotPayload(seen, UID_VALIDITY);
      if (s.damage) payload.hash = payload.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      append(draftTeamEvent(seen, { type: 'snapshot', thread: null, known: [], payload }, context));
      if (s.damage) damaged.add(uid);
    } else {
      append({ v: 1, type: 'claim', id: 'not-a-uuid' });
    }
  }
  return { log, damaged };
}

const scenario = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 50 }),
  gaps: fc.array(fc.nat(2), { minLength: 1, maxLength: 4 }),
});

/** What a new teammate reads: the chosen snapshot, then everything after the UID it covers. */
function readFrom(log: TeamLogEntry[], snapshot: TeamLogEntry): TeamLogEntry[] {
  const upTo = (snapshot.event as { payload: { upTo: number } }).payload.upTo;
  return [snapshot, ...log.filter((entry) => entry.uid > upTo && entry.uid !== snapshot.uid)];
}

function typeOf(entry: TeamLogEntry): string | undefined {
  return (entry.event as { type?: string } | null)?.type;
}

function isSnapshot(entry: TeamLogEntry): boolean {
  return typeOf(entry) === 'snapshot';
}

/** Entries the fold records (team actions and junk), as opposed to log upkeep. */
function isRecorded(entry: TeamLogEntry): boolean {
  return typeOf(entry) !== 'presence' && typeOf(entry) !== 'snapshot';
}

function upToOf(entry: TeamLogEntry): number {
  return (entry.event as { payload: { upTo: number } }).payload.upTo;
}

describe('team log snapshots (property)', () => {
  it('fold(all) equals fold(snapshot + rest) for every good snapshot, and presence changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ steps, gaps }) => {
        const { log, damaged } = build(steps, gaps);
        const all = fold(log);
        expect(sharedPart(fold(log.filter((e) => typeOf(e) !== 'presence')))).toEqual(sharedPart(all));
        for (const snapshot of log.filter(isSnapshot)) {
          const fresh = foldStored(readFrom(log, snapshot), snapshot.uid);
          if (damaged.has(snapshot.uid)) {
            // Unusable as a start: the log folder code never records it as the base.
            const own = fresh.snapshots.find((check) => check.uid === snapshot.uid);
            expect(['unusable', 'mismatch', 'unchecked']).toContain(own?.result);
          } else {
            expect(fresh.snapshots[0]?.result).toBe('adopted');
            expect(sharedPart(fresh)).toEqual(sharedPart(all));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a replica that folded everything verifies good snapshots and ignores damaged ones', () => {
    fc.assert(
      fc.property(scenario, ({ steps, gaps }) => {
        const { log, damaged } = build(steps, gaps);
        let state = emptyTeamState();
        for (const entry of log) state = applyEvent(state, entry);
        const snapshots = log.filter(isSnapshot);
        expect(state.snapshots).toHaveLength(Math.min(20, snapshots.length));
        for (const check of state.snapshots) {
          const before = log.filter((e) => e.uid < check.uid && isRecorded(e));
          const upTo = upToOf(log.find((e) => e.uid === check.uid)!);
          const bad = damaged.has(check.uid);
          const expected =
            before.length === 0
              ? bad
                ? 'unusable'
                : 'adopted'
              : before.some((e) => e.uid > upTo)
                ? 'unchecked'
                : bad
                  ? 'mismatch'
                  : 'verified';
          expect(check.result).toBe(expected);
        }
        expect(sharedPart(state)).toEqual(sharedPart(fold(log)));
      }),
      { numRuns: 150 },
    );
  });
});
