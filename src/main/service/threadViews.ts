import type { Db } from '../store/db';
import type { DueView, ThreadListItem, ThreadSummary } from '../../shared/types';
import type { View } from '../../shared/team';
import { listThreadsInView, type ThreadListRow } from '../store/repos/threads';
import { getThreadTeam } from '../store/repos/threadTeam';
import { prepared } from '../store/statements';
import type { TeamEngine } from './team';

/** How urgent a due time is now (calm, due soon within `leadMs`, overdue). */
export function dueView(dueAt: number | null, reason: string | null, now: number, leadMs: number): DueView | null {
  if (dueAt === null) return null;
  const state = dueAt <= now ? 'overdue' : dueAt - now <= leadMs ? 'due-soon' : 'calm';
  return { dueAt, reason: reason ?? 'first-response', state };
}

function toItem(
  row: ThreadListRow,
  team: TeamEngine | null,
  pendingByKey: Map<string, number>,
  now: number,
  leadMs: number,
): ThreadListItem {
  return {
    ...row.summary,
    team: {
      owner: row.owner,
      ownerName: row.owner ? (team?.nameOf(row.owner) ?? row.owner) : null,
      handoffTo: row.handoffTo,
      status: row.status,
      snoozedUntil: row.snoozedUntil,
      pending: row.teamKey ? (pendingByKey.get(row.teamKey) ?? 0) : 0,
    },
    due: row.status === 'closed' ? null : dueView(row.dueAt, row.dueReason, now, leadMs),
  };
}

function pendingCounts(db: Db, accountId: number): Map<string, number> {
  const rows = prepared(
    db,
    'SELECT thread_key, COUNT(*) AS n FROM team_pending WHERE account_id = ? GROUP BY thread_key',
  ).all(accountId) as Array<{
    thread_key: string | null;
    n: number;
  }>;
  return new Map(rows.filter((r) => r.thread_key !== null).map((r) => [r.thread_key as string, r.n]));
}

/** A view's rows as list items (team state and due chip included). */
export function listView(
  db: Db,
  team: TeamEngine | null,
  args: {
    accountId: number;
    view: View;
    sort: 'recent' | 'due';
    limit: number;
    offset: number;
    now: number;
    leadMs: number;
  },
): ThreadListItem[] {
  const me = team?.identity()?.address ?? null;
  const rows = listThreadsInView(db, { ...args, me });
  const pending = pendingCounts(db, args.accountId);
  return rows.map((r) => toItem(r, team, pending, args.now, args.leadMs));
}

/** Decorates plain summaries (search results) the same way as list rows. */
export function decorate(
  db: Db,
  team: TeamEngine | null,
  accountId: number,
  summaries: ThreadSummary[],
  now: number,
  leadMs: number,
): ThreadListItem[] {
  const pending = pendingCounts(db, accountId);
  return summaries.map((s) => {
    const tt = getThreadTeam(db, s.id);
    const due = prepared(db, 'SELECT due_at, due_reason, last_customer_at FROM threads WHERE id = ?').get(s.id) as
      { due_at: number | null; due_reason: string | null; last_customer_at: number | null } | undefined;
    const reopened = tt && tt.status !== 'open' && (due?.last_customer_at ?? 0) > (tt.statusAt ?? 0);
    return toItem(
      {
        summary: s,
        owner: tt?.owner ?? null,
        handoffTo: tt?.handoffTo ?? null,
        status: reopened ? 'open' : (tt?.status ?? 'open'),
        snoozedUntil: tt?.snoozedUntil ?? null,
        teamKey: tt?.teamKey ?? null,
        dueAt: due?.due_at ?? null,
        dueReason: due?.due_reason ?? null,
      },
      team,
      pending,
      now,
      leadMs,
    );
  });
}
