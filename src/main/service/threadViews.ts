import type { Db } from '../store/db';
import type { DueView, ListedThread, ThreadSummary } from '../../shared/types';
import type { View } from '../../shared/team';
import { listRowsByIds, listThreadsInView, type ThreadListRow } from '../store/repos/threads';
import { pendingCountsByThreadKey } from '../store/repos/teamPending';
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
): ListedThread {
  return {
    ...row.summary,
    team: {
      owner: row.owner,
      ownerName: row.owner ? (team?.nameOf(row.owner) ?? row.owner) : null,
      handoffTo: row.handoffTo,
      status: row.status,
      snoozedUntil: row.snoozedUntil,
      pending: row.teamKey ? (pendingByKey.get(row.teamKey) ?? 0) : 0,
      replying: team?.presence.replying([row.teamKey ?? row.summary.key, row.summary.key]) ?? [],
    },
    due: row.status === 'closed' ? null : dueView(row.dueAt, row.dueReason, now, leadMs),
  };
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
): ListedThread[] {
  const me = team?.identity()?.address ?? null;
  const rows = listThreadsInView(db, { ...args, me });
  const pending = pendingCountsByThreadKey(db, args.accountId);
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
): ListedThread[] {
  const pending = pendingCountsByThreadKey(db, accountId);
  const rows = listRowsByIds(db, { accountId, ids: summaries.map((s) => s.id), now });
  return rows.map((r) => toItem(r, team, pending, now, leadMs));
}
