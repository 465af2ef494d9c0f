import { prepared } from '../statements';
import type { Db } from '../db';

/** What a folder is for in Promptly. */
export type FolderRole = 'inbox' | 'sent' | 'all' | 'team-log' | 'other';

/** A synced IMAP folder and where its sync stands. */
export interface Folder {
  id: number;
  accountId: number;
  path: string;
  role: FolderRole;
  uidvalidity: string | null;
  uidnext: number | null;
  highestmodseq: string | null;
  lastSyncedAt: number | null;
  /** True once every message up to `uidnext` has been fetched at least once. */
  complete: boolean;
  lastError: string | null;
  lastAttemptAt: number | null;
  serverCount: number | null;
}

interface FolderRow {
  id: number;
  account_id: number;
  path: string;
  role: FolderRole;
  uidvalidity: string | null;
  uidnext: number | null;
  highestmodseq: string | null;
  last_synced_at: number | null;
  complete: number;
  last_error: string | null;
  last_attempt_at: number | null;
  server_count: number | null;
}

function rowToFolder(row: FolderRow): Folder {
  return {
    id: row.id,
    accountId: row.account_id,
    path: row.path,
    role: row.role,
    uidvalidity: row.uidvalidity,
    uidnext: row.uidnext,
    highestmodseq: row.highestmodseq,
    lastSyncedAt: row.last_synced_at,
    complete: row.complete === 1,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    serverCount: row.server_count,
  };
}

/** Returns the folder with this path, creating it with `role` if it is new. */
export function ensureFolder(db: Db, accountId: number, path: string, role: FolderRole): Folder {
  prepared(
    db,
    `INSERT INTO folders (account_id, path, role) VALUES (?, ?, ?)
     ON CONFLICT (account_id, path) DO UPDATE SET role = excluded.role`,
  ).run(accountId, path, role);
  const row = prepared(db, 'SELECT * FROM folders WHERE account_id = ? AND path = ?').get(accountId, path) as FolderRow;
  return rowToFolder(row);
}

/** All folders of an account. */
export function listFolders(db: Db, accountId: number): Folder[] {
  const rows = prepared(db, 'SELECT * FROM folders WHERE account_id = ? ORDER BY id').all(accountId) as FolderRow[];
  return rows.map(rowToFolder);
}

/** Records a completed pass; call inside the transaction that applied its changes. */
export function saveFolderState(
  db: Db,
  folderId: number,
  state: { uidvalidity: string; uidnext: number; highestmodseq: string | null; at: number; serverCount: number },
): void {
  prepared(
    db,
    `UPDATE folders SET uidvalidity = ?, uidnext = ?, highestmodseq = ?, last_synced_at = ?, server_count = ?,
       complete = 1, last_error = NULL WHERE id = ?`,
  ).run(state.uidvalidity, state.uidnext, state.highestmodseq, state.at, state.serverCount, folderId);
}

/**
 * Records how many messages the server says a folder holds (EXISTS on SELECT) before a pass
 * fetches them, so search can count the ones not fetched yet as not searchable.
 */
export function noteServerCount(db: Db, folderId: number, serverCount: number): void {
  prepared(db, 'UPDATE folders SET server_count = ? WHERE id = ?').run(serverCount, folderId);
}

/** Notes that a pass started (for the status view's lag). */
export function markFolderAttempt(db: Db, folderId: number, at: number): void {
  prepared(db, 'UPDATE folders SET last_attempt_at = ? WHERE id = ?').run(at, folderId);
}

/** Remembers why the last pass failed, for `status` and the UI. */
export function recordFolderError(db: Db, accountId: number, message: string): void {
  prepared(
    db,
    'UPDATE folders SET last_error = ? WHERE account_id = ? AND (last_attempt_at IS NULL OR last_synced_at IS NULL OR last_attempt_at > last_synced_at)',
  ).run(message, accountId);
}
