import type { Db } from '../db';
import { prepared } from '../statements';
import type { TeamEvent } from '../../../shared/teamEvents';

/** A team action written locally and not yet seen back in the log. */
export interface PendingTeamEvent {
  id: string;
  threadKey: string | null;
  event: TeamEvent;
  raw: Buffer;
  state: 'queued' | 'appending' | 'appended';
  uid: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: number;
}

interface Row {
  id: string;
  thread_key: string | null;
  event_json: string;
  raw: Buffer;
  state: PendingTeamEvent['state'];
  uid: number | null;
  attempts: number;
  last_error: string | null;
  created_at: number;
}

function toPending(r: Row): PendingTeamEvent {
  return {
    id: r.id,
    threadKey: r.thread_key,
    event: JSON.parse(r.event_json) as TeamEvent,
    raw: r.raw,
    state: r.state,
    uid: r.uid,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
  };
}

/** Queues an action (written before any network I/O, so it survives restarts). */
export function queueTeamEvent(db: Db, accountId: number, event: TeamEvent, raw: Buffer, now: number): void {
  prepared(
    db,
    'INSERT INTO team_pending (id, account_id, thread_key, event_json, raw, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(event.id, accountId, event.thread, JSON.stringify(event), raw, now);
}

/** Pending actions in the order they were taken (they must be appended in that order). */
export function listPendingTeamEvents(db: Db, accountId: number): PendingTeamEvent[] {
  const rows = prepared(db, 'SELECT * FROM team_pending WHERE account_id = ? ORDER BY created_at, rowid').all(
    accountId,
  ) as Row[];
  return rows.map(toPending);
}

/** Moves a pending action to a new state (with the UID once APPENDUID told us). */
export function markPendingTeamEvent(
  db: Db,
  id: string,
  state: PendingTeamEvent['state'],
  uid: number | null,
  error: string | null,
): void {
  prepared(
    db,
    `UPDATE team_pending SET state = ?, uid = COALESCE(?, uid), last_error = ?,
       attempts = attempts + CASE WHEN ? IS NULL THEN 0 ELSE 1 END WHERE id = ?`,
  ).run(state, uid, error, error, id);
}

/** Removes an action whose outcome the folded log now shows. */
export function deletePendingTeamEvent(db: Db, id: string): void {
  prepared(db, 'DELETE FROM team_pending WHERE id = ?').run(id);
}

/** How many events wait to be appended, per thread key (the list shows them as pending). */
export function pendingCountsByThreadKey(db: Db, accountId: number): Map<string, number> {
  const rows = prepared(
    db,
    'SELECT thread_key, COUNT(*) AS n FROM team_pending WHERE account_id = ? GROUP BY thread_key',
  ).all(accountId) as Array<{ thread_key: string | null; n: number }>;
  return new Map(rows.filter((r) => r.thread_key !== null).map((r) => [r.thread_key as string, r.n]));
}
