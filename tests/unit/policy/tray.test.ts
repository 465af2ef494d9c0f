import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTrayIndex, trayState, type TrayThread } from '../../../src/main/policy/tray';
import { leadStart } from '../../../src/main/policy/dueSoon';

const ME = 'me';
const threadArb: fc.Arbitrary<TrayThread> = fc.record({
  threadId: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `t${i}`)),
  owner: fc.constantFrom(ME, 'bob', null),
  deadline: fc.option(
    fc.record({
      dueAt: fc.integer({ min: 0, max: 20 }).map((m) => m * 60_000),
      reason: fc.constantFrom('first-response', 'next-response', 'promise', 'snooze' as const),
    }),
    { nil: null },
  ),
});

/** The last write per thread wins, as the store would hold it. */
function latest(updates: TrayThread[]): TrayThread[] {
  return [...new Map(updates.map((t) => [t.threadId, t])).values()];
}

describe('tray index', () => {
  it('agrees with a full scan after any sequence of updates', () => {
    fc.assert(
      fc.property(
        fc.array(threadArb, { maxLength: 12 }),
        fc.array(threadArb, { maxLength: 20 }),
        fc.integer({ min: -5, max: 25 }),
        (initial, updates, nowMin) => {
          const start = latest(initial);
          const index = createTrayIndex(ME, leadStart(5), start);
          for (const u of updates) index.update(u);
          const now = nowMin * 60_000;
          const expected = trayState(latest([...start, ...updates]), ME, now, leadStart(5));
          const actual = index.state(now);
          expect(actual.count).toBe(expected.count);
          expect(actual.overdue).toBe(expected.overdue);
          expect(actual.urgent.map((u) => u.dueAt)).toEqual(expected.urgent.map((u) => u.dueAt));
        },
      ),
    );
  });

  it('drops a thread handed to a teammate or answered', () => {
    const index = createTrayIndex(ME, leadStart(60), [
      { threadId: 'a', owner: ME, deadline: { dueAt: 0, reason: 'promise' } },
    ]);
    expect(index.state(1).count).toBe(1);
    index.update({ threadId: 'a', owner: 'bob', deadline: { dueAt: 0, reason: 'promise' } });
    expect(index.state(1)).toEqual({ count: 0, overdue: 0, urgent: [] });
    index.update({ threadId: 'a', owner: null, deadline: { dueAt: 0, reason: 'promise' } });
    index.update({ threadId: 'a', owner: null, deadline: null });
    expect(index.size).toBe(0);
  });
});
