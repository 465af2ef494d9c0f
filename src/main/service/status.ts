import { prepared } from '../store/statements';
import type { Db } from '../store/db';
import { listFolders } from '../store/repos/folders';
import { countPendingBodies } from '../store/repos/messages';
import type { FolderStatus } from '../../shared/types';

/** Per-folder sync state for `status` and the UI: position, backlog, last error and lag. */
export function folderStatus(db: Db, accountId: number, now: number): FolderStatus[] {
  return listFolders(db, accountId).map((f) => {
    const counts = prepared(
      db,
      `SELECT COUNT(*) AS stored, SUM(CASE WHEN body_state = 'failed' THEN 1 ELSE 0 END) AS failed
         FROM messages WHERE folder_id = ? AND uid > 0`,
    ).get(f.id) as { stored: number; failed: number | null };
    return {
      path: f.path,
      role: f.role,
      uidvalidity: f.uidvalidity,
      uidnext: f.uidnext,
      highestModseq: f.highestmodseq,
      complete: f.complete,
      stored: counts.stored,
      serverCount: f.serverCount,
      pendingBodies: countPendingBodies(db, f.id),
      unreadable: counts.failed ?? 0,
      lastSyncedAt: f.lastSyncedAt,
      lagSeconds: f.lastSyncedAt === null ? null : Math.max(0, Math.round((now - f.lastSyncedAt) / 1000)),
      lastError: f.lastError,
    };
  });
}
