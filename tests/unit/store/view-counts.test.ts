import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/main/store/db';
import { FEW_OWNED, listThreadsInView } from '../../../src/main/store/repos/threads';
import { countViews } from '../../../src/main/store/repos/viewCounts';
import { seedViewThreads, viewAccount } from '../../support/viewThreads';

const NOW = Date.UTC(2026, 10, 30, 12);
const ME = 'me@team.example';
const LEAD = 4 * 3_600_000;
const VIEWS = ['all', 'mine', 'unassigned', 'promised', 'waiting', 'closed', 'due', 'overdue'];

/** Each view's size as the list shows it: every row the view's own query returns. */
function listedCounts(db: ReturnType<typeof openDb>, args: { accountId: number; me: string | null; now: number }) {
  return Object.fromEntries(
    VIEWS.map((view) => [
      view,
      listThreadsInView(db, { ...args, view, leadMs: LEAD, sort: 'recent', limit: 1_000_000, offset: 0 }).length,
    ]),
  );
}

describe('view counts', () => {
  const db = openDb(':memory:');
  const mine = viewAccount(db, 'support@shop.example', NOW);
  const other = viewAccount(db, 'sales@shop.example', NOW);
  seedViewThreads(db, { accountId: mine, count: 3000, now: NOW, me: ME, teamShare: 0.5, seed: 1 });
  seedViewThreads(db, { accountId: other, count: 500, now: NOW, me: ME, teamShare: 0.9, seed: 2 });

  it('equal the size of each view as listed, at several moments and for each account', () => {
    for (const now of [NOW - 30 * 3_600_000, NOW, NOW + 50 * 3_600_000]) {
      for (const accountId of [mine, other]) {
        const counts = countViews(db, { accountId, me: ME, now, leadMs: LEAD });
        expect(counts).toEqual(listedCounts(db, { accountId, me: ME, now }));
      }
    }
  });

  it('cover every case the fixture means to mix (no view is empty or everything)', () => {
    const counts = countViews(db, { accountId: mine, me: ME, now: NOW, leadMs: LEAD });
    for (const view of VIEWS.filter((v) => v !== 'all')) {
      expect(counts[view], view).toBeGreaterThan(0);
      expect(counts[view], view).toBeLessThan(counts.all!);
    }
  });

  it('count nothing as mine without an identity', () => {
    const counts = countViews(db, { accountId: mine, me: null, now: NOW, leadMs: LEAD });
    expect(counts.mine).toBe(0);
    expect(counts).toEqual(listedCounts(db, { accountId: mine, me: null, now: NOW }));
  });

  it('are zero for an account with no threads', () => {
    const empty = viewAccount(db, 'new@shop.example', NOW);
    expect(countViews(db, { accountId: empty, me: ME, now: NOW, leadMs: LEAD })).toEqual(
      Object.fromEntries(VIEWS.map((v) => [v, 0])),
    );
  });
});

describe('the Mine view', () => {
  it('lists the same threads in the same order whether read from my owned threads or newest first', () => {
    const db = openDb(':memory:');
    const accountId = viewAccount(db, 'support@shop.example', NOW);
    seedViewThreads(db, { accountId, count: 2000, now: NOW, me: ME, teamShare: 0.5, seed: 3 });
    const pages = () =>
      (['recent', 'due'] as const).flatMap((sort) =>
        [0, 50].map((offset) =>
          listThreadsInView(db, { accountId, view: 'mine', me: ME, now: NOW, leadMs: LEAD, sort, limit: 60, offset }),
        ),
      );
    const owned = () => db.prepare('SELECT COUNT(*) AS n FROM thread_team WHERE owner = ?').get(ME) as { n: number };
    expect(owned().n).toBeLessThanOrEqual(FEW_OWNED);
    const fromOwned = pages();
    expect(fromOwned[0]).toHaveLength(60);
    // Many more owned threads in another account: Mine is then read newest first.
    const other = viewAccount(db, 'sales@shop.example', NOW);
    seedViewThreads(db, { accountId: other, count: 2 * FEW_OWNED * 4, now: NOW, me: ME, teamShare: 1, seed: 4 });
    expect(owned().n).toBeGreaterThan(FEW_OWNED);
    expect(pages()).toEqual(fromOwned);
  });
});
