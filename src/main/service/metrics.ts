import type { Db } from '../store/db';
import type { FollowThroughMetrics } from '../../shared/policy';
import { computeDeadline } from '../policy/deadlines';
import { followThroughMetrics, threadOutcomes, weeklyMetrics, type ThreadOutcomes } from '../policy/metrics';
import { metricsCsv, threadsCsv, type ThreadExportRow } from '../policy/metricsCsv';
import { threadsWithCustomer, type ThreadWithCustomer } from '../store/repos/threads';
import { getThreadTeam } from '../store/repos/threadTeam';
import type { DeadlineKeeper } from './deadlines';
import type { TeamEngine } from './team';

/** Every thread's outcomes (clocks, promises, closes), replayed once for all metrics. */
function outcomes(
  db: Db,
  accountId: number,
  deadlines: DeadlineKeeper,
  team: TeamEngine | null,
  now: number,
): Array<{ row: ThreadWithCustomer; out: ThreadOutcomes; export: ThreadExportRow }> {
  const { rules } = deadlines.rules();
  const rows = threadsWithCustomer(db, accountId);
  const promisesOf = team ? (threadId: number) => team.promisesFor(threadId) : () => [];
  return rows.map((row) => {
    const input = deadlines.input(row.id, promisesOf);
    const owner = getThreadTeam(db, row.id)?.owner ?? null;
    const customer = row.customer ?? '';
    const out = threadOutcomes(
      { ...input, threadId: row.key, owner, customer, closes: team?.closesFor(row.id) ?? [] },
      rules,
    );
    return {
      row,
      out,
      export: {
        key: row.key,
        subject: row.subject,
        customer,
        owner,
        status: input.state.status,
        deadline: computeDeadline(input, rules, now),
        outcomes: out,
      },
    };
  });
}

/** The follow-through numbers over one period (docs/PRODUCT.md principle 5). */
export function metricsFor(
  db: Db,
  accountId: number,
  deadlines: DeadlineKeeper,
  team: TeamEngine | null,
  period: { from: number; to: number },
  now: number,
): FollowThroughMetrics {
  const all = outcomes(db, accountId, deadlines, team, now);
  return followThroughMetrics(
    all.map((o) => o.out),
    deadlines.rules().rules.calendar,
    period,
    now,
  );
}

/** The last 12 weeks, for the dashboard charts. */
export function weeklyFor(
  db: Db,
  accountId: number,
  deadlines: DeadlineKeeper,
  team: TeamEngine | null,
  now: number,
): FollowThroughMetrics[] {
  const { rules, policy } = deadlines.rules();
  return weeklyMetrics(
    outcomes(db, accountId, deadlines, team, now).map((o) => o.out),
    rules.calendar,
    policy.timeZone,
    now,
  );
}

/** CSV export: threads with their deadlines and outcomes, or the weekly metrics. */
export function exportCsv(
  db: Db,
  accountId: number,
  deadlines: DeadlineKeeper,
  team: TeamEngine | null,
  kind: 'threads' | 'metrics',
  now: number,
): string {
  if (kind === 'metrics') return metricsCsv(weeklyFor(db, accountId, deadlines, team, now));
  return threadsCsv(outcomes(db, accountId, deadlines, team, now).map((o) => o.export));
}
