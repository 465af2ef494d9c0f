import type { Db } from '../store/db';
import type { FollowThroughMetrics } from '../../shared/policy';
import { computeDeadline } from '../policy/deadlines';
import { followThroughMetrics, threadOutcomes, weeklyMetrics, type ThreadOutcomes } from '../policy/metrics';
import { metricsCsv, threadsCsv, type ThreadExportRow } from '../policy/metricsCsv';
import { prepared } from '../store/statements';
import { getThreadTeam } from '../store/repos/threadTeam';
import type { DeadlineKeeper } from './deadlines';
import type { TeamEngine } from './team';

interface Row {
  id: number;
  thread_key: string;
  subject: string;
  customer: string | null;
}

/** Every thread's outcomes (clocks, promises, closes), replayed once for all metrics. */
function outcomes(
  db: Db,
  accountId: number,
  deadlines: DeadlineKeeper,
  team: TeamEngine | null,
  now: number,
): Array<{ row: Row; out: ThreadOutcomes; export: ThreadExportRow }> {
  const { rules } = deadlines.rules();
  const rows = prepared(
    db,
    `SELECT t.id, t.thread_key, t.subject,
       (SELECT address FROM participants p WHERE p.thread_id = t.id AND p.is_team = 0 ORDER BY message_count DESC LIMIT 1) AS customer
     FROM threads t WHERE t.account_id = ? AND t.message_count > 0`,
  ).all(accountId) as Row[];
  return rows.map((row) => {
    const input = deadlines.input(row.id);
    const owner = getThreadTeam(db, row.id)?.owner ?? null;
    const customer = row.customer ?? '';
    const out = threadOutcomes(
      { ...input, threadId: row.thread_key, owner, customer, closes: team?.closesFor(row.id) ?? [] },
      rules,
    );
    return {
      row,
      out,
      export: {
        key: row.thread_key,
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

/** The follow-through numbers over one period (PRODUCT.md principle 5). */
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
