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
  setTeamLogBase(db, accountId, null);
}

/** How many entries are stored (compared with the server's count to detect expunges). */
export function countTeamLog(db: Db, accountId: number): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM team_log WHERE account_id = ?').get(accountId) as { n: number }).n;
}

/** One stored entry's position, type and author, without its payload. */
export interface TeamLogOutline {
  uid: number;
  type: string | null;
  actor: string | null;
}

/** The stored entries after `afterUid`, in UID order, by type and author only. */
export function teamLogOutline(db: Db, accountId: number, afterUid = 0): TeamLogOutline[] {
  return prepared(
    db,
    `SELECT uid, json_extract(event_json, '$.type') AS type, json_extract(event_json, '$.actor') AS actor
       FROM team_log WHERE account_id = ? AND uid > ? ORDER BY uid`,
  ).all(accountId, afterUid) as TeamLogOutline[];
}

/** Forgets stored entries the server no longer has (expunged presence). */
export function deleteTeamLogEntries(db: Db, accountId: number, uids: readonly number[]): void {
  const remove = prepared(db, 'DELETE FROM team_log WHERE account_id = ? AND uid = ?');
  for (const uid of uids) remove.run(accountId, uid);
}

/** The UID of the snapshot this replica started from (entries it covers were never fetched), or null. */
export function getTeamLogBase(db: Db, accountId: number): number | null {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(baseKey(accountId)) as
    { value: string } | undefined;
  const uid = row ? Number(row.value) : NaN;
  return Number.isInteger(uid) && uid > 0 ? uid : null;
}

/** Remembers (or, with null, forgets) the snapshot this replica started from. */
export function setTeamLogBase(db: Db, accountId: number, uid: number | null): void {
  if (uid === null) prepared(db, 'DELETE FROM settings WHERE key = ?').run(baseKey(accountId));
  else
    prepared(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(baseKey(accountId), String(uid));
}

function baseKey(accountId: number): string {
  return `team-log-base:${accountId}`;
}

/** The highest stored UID, 0 for an empty log (the demo's log gives out the next ones itself). */
export function lastTeamLogUid(db: Db, accountId: number): number {
  const row = prepared(db, 'SELECT MAX(uid) AS uid FROM team_log WHERE account_id = ?').get(accountId) as
    { uid: number | null } | undefined;
  return row?.uid ?? 0;
}
