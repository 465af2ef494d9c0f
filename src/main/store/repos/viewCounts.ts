import { prepared } from '../statements';
import type { Db } from '../db';
import { TEAM_COLUMNS, VIEW_SQL } from './threads';

interface CountArgs {
  accountId: number;
  me: string | null;
  now: number;
  leadMs: number;
}

/** Counts by due time and promise alone, which is all that tells threads without team state apart. */
interface Plain {
  listed: number;
  promise: number;
  due: number;
  overdue: number;
}

const DUE = 'due_at > @now AND due_at <= @now + @lead';
const OVERDUE = 'due_at <= @now';

/**
 * A thread nobody on the team has touched is open, unowned and not snoozed, so the views reduce
 * to its due time and promise (VIEW_SQL); this says which plain count each view takes from them.
 */
const UNTOUCHED: Record<string, keyof Plain | null> = {
  all: 'listed',
  mine: null,
  unassigned: 'listed',
  promised: 'promise',
  waiting: null,
  closed: null,
  due: 'due',
  overdue: 'overdue',
};

/**
 * How many threads each view holds right now. Asked after every stored batch, so it never reads
 * every thread: the plain counts of all listed threads come from range counts on narrow indexes
 * (migration 015), and only threads with team state are walked to apply the view filters.
 * Untouched threads are the plain counts of all threads minus those of the walked ones.
 */
export function countViews(db: Db, args: CountArgs): Record<string, number> {
  const params = { accountId: args.accountId, me: args.me ?? '', now: args.now, lead: args.leadMs };
  const all = plainCounts(db, params);
  const team = teamCounts(db, params);
  return Object.fromEntries(
    Object.keys(VIEW_SQL).map((view) => {
      const plain = UNTOUCHED[view];
      const untouched = plain ? all[plain] - team[`plain_${plain}`]! : 0;
      return [view, (team[view] ?? 0) + untouched];
    }),
  );
}

/** Listed threads, and of them promised, due soon and overdue, each a range count on an index. */
function plainCounts(db: Db, params: Record<string, unknown>): Plain {
  // INDEXED BY keeps the narrow indexes whatever statistics the planner has gathered.
  const count = (index: string, where: string) =>
    `(SELECT COUNT(*) FROM threads INDEXED BY ${index}
      WHERE account_id = @accountId AND message_count > 0 AND ${where})`;
  return prepared(
    db,
    `SELECT ${count('threads_listed_by_due', '1')} AS listed,
       ${count('threads_listed_by_reason', "due_reason = 'promise'")} AS promise,
       ${count('threads_listed_by_due', DUE)} AS due,
       ${count('threads_listed_by_due', OVERDUE)} AS overdue`,
  ).get(params) as Plain;
}

/** Each view's count among threads with team state, and their plain counts. */
function teamCounts(db: Db, params: Record<string, unknown>): Record<string, number> {
  const views = Object.entries(VIEW_SQL).map(
    ([name, where]) => `SUM(CASE WHEN ${where} THEN 1 ELSE 0 END) AS "${name}"`,
  );
  const plain = [
    'COUNT(*) AS plain_listed',
    "SUM(due_reason IS 'promise') AS plain_promise",
    `SUM(COALESCE(${DUE}, 0)) AS plain_due`,
    `SUM(COALESCE(${OVERDUE}, 0)) AS plain_overdue`,
  ];
  // CROSS JOIN: walk thread_team (the touched threads) and look each thread up, never the reverse.
  const row = prepared(
    db,
    `SELECT ${[...views, ...plain].join(', ')} FROM (
       SELECT t.due_at, t.due_reason, ${TEAM_COLUMNS}
       FROM thread_team tt CROSS JOIN threads t ON t.id = tt.thread_id
       WHERE t.account_id = @accountId AND t.message_count > 0)`,
  ).get(params) as Record<string, number | null>;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? 0]));
}
