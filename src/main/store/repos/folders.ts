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
  };
}

/** Returns the folder with this path, creating it with `role` if it is new. */
export function ensureFolder(db: Db, accountId: number, path: string, role: FolderRole): Folder {
  db.prepare(
    `INSERT INTO folders (account_id, path, role) VALUES (?, ?, ?)
     ON CONFLICT (account_id, path) DO UPDATE SET role = excluded.role`,
  ).run(accountId, path, role);
  const row = db.prepare('SELECT * FROM folders WHERE account_id = ? AND path = ?').get(accountId, path) as FolderRow;
  return rowToFolder(row);
}

/** All folders of an account. */
export function listFolders(db: Db, accountId: number): Folder[] {
  const rows = db.prepare('SELECT * FROM folders WHERE account_id = ? ORDER BY id').all(accountId) as FolderRow[];
  return rows.map(rowToFolder);
}

/** Records how far a folder is synced; call inside the batch's transaction. */
export function updateSyncState(
  db: Db,
  folderId: number,
  state: { uidvalidity: string; uidnext: number; highestmodseq: string | null; at: number },
): void {
  db.prepare(
    `UPDATE folders SET uidvalidity = ?, uidnext = ?, highestmodseq = ?, last_synced_at = ?
     WHERE id = ?`,
  ).run(state.uidvalidity, state.uidnext, state.highestmodseq, state.at, folderId);
}

/** Forgets the UID mapping of a folder whose UIDVALIDITY changed (RFC 3501 §2.3.1.1). */
export function resetFolder(db: Db, folderId: number): void {
  db.prepare('UPDATE folders SET uidvalidity = NULL, uidnext = NULL, highestmodseq = NULL WHERE id = ?').run(folderId);
}
