import type { Db } from '../db';
import { prepared } from '../statements';
import type { TeamLogEntry } from '../../../shared/teamEvents';

/** Stores log entries as synced (the fold is rebuilt from these at start-up). */
export function saveTeamLogEntries(db: Db, accountId: number, entries: TeamLogEntry[]): void {
  const insert = prepared(
    db,
    'INSERT OR IGNORE INTO team_log (account_id, uid, event_json, problem) VALUES (?, ?, ?, ?)',
  );
  for (const e of entries)
    insert.run(accountId, e.uid, e.problem === undefined ? JSON.stringify(e.event) : null, e.problem ?? null);
}

/** Every stored entry in UID order. */
export function loadTeamLog(db: Db, accountId: number): TeamLogEntry[] {
  const rows = prepared(db, 'SELECT uid, event_json, problem FROM team_log WHERE account_id = ? ORDER BY uid').all(
    accountId,
  ) as Array<{
    uid: number;
    event_json: string | null;
    problem: string | null;
  }>;
  return rows.map((r) =>
    r.problem !== null || r.event_json === null
      ? { uid: r.uid, event: null, problem: r.problem ?? 'empty' }
      : { uid: r.uid, event: JSON.parse(r.event_json) as unknown },
  );
}

/** Forgets the stored log (the folder's UIDVALIDITY changed, or UIDs vanished): refold from the server. */
export function clearTeamLog(db: Db, accountId: number): void {
  prepared(db, 'DELETE FROM team_log WHERE account_id = ?').run(accountId);
}

/** How many entries are stored (compared with the server's count to detect expunges). */
export function countTeamLog(db: Db, accountId: number): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM team_log WHERE account_id = ?').get(accountId) as { n: number }).n;
}
