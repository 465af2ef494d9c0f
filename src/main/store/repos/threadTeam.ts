import type { Db } from '../db';
import { prepared } from '../statements';
import type { ThreadStatus } from '../../../shared/teamEvents';

/** The team's view of one local thread, as list views need it. */
export interface ThreadTeamRow {
  threadId: number;
  teamKey: string;
  owner: string | null;
  handoffTo: string | null;
  status: ThreadStatus;
  statusAt: number | null;
  snoozedUntil: number | null;
  snoozedAt: number | null;
  promiseDue: number | null;
  notes: number;
}

/** Writes (replaces) the team state of a local thread. */
export function saveThreadTeam(db: Db, row: ThreadTeamRow): void {
  prepared(
    db,
    `INSERT OR REPLACE INTO thread_team (thread_id, team_key, owner, handoff_to, status, status_at, snoozed_until, snoozed_at, promise_due, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.threadId,
    row.teamKey,
    row.owner,
    row.handoffTo,
    row.status,
    row.statusAt,
    row.snoozedUntil,
    row.snoozedAt,
    row.promiseDue,
    row.notes,
  );
}

/** The team state of a local thread, if the log has said anything about it. */
export function getThreadTeam(db: Db, threadId: number): ThreadTeamRow | null {
  const r = prepared(db, 'SELECT * FROM thread_team WHERE thread_id = ?').get(threadId) as
    | {
        thread_id: number;
        team_key: string;
        owner: string | null;
        handoff_to: string | null;
        status: ThreadStatus;
        status_at: number | null;
        snoozed_until: number | null;
        snoozed_at: number | null;
        promise_due: number | null;
        notes: number;
      }
    | undefined;
  return r
    ? {
        threadId: r.thread_id,
        teamKey: r.team_key,
        owner: r.owner,
        handoffTo: r.handoff_to,
        status: r.status,
        statusAt: r.status_at,
        snoozedUntil: r.snoozed_until,
        snoozedAt: r.snoozed_at,
        promiseDue: r.promise_due,
        notes: r.notes,
      }
    : null;
}

/** Forgets all team rows (before re-materialising after a refold). */
export function clearThreadTeam(db: Db): void {
  prepared(db, 'DELETE FROM thread_team').run();
}
