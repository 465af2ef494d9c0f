import type { Db } from '../store/db';
import { getAccount } from '../store/repos/accounts';
import { listFolders } from '../store/repos/folders';
import { countPendingBodies, folderMessageCounts } from '../store/repos/messages';
import { countTeamLog } from '../store/repos/teamLog';
import type { FolderStatus } from '../../shared/types';

/** Per-folder sync state for `status` and the UI: position, backlog, last error and lag. */
export function folderStatus(db: Db, accountId: number, now: number): FolderStatus[] {
  return listFolders(db, accountId).map((f) => {
    const counts = folderMessageCounts(db, f.id);
    return {
      path: f.path,
      role: f.role,
      uidvalidity: f.uidvalidity,
      uidnext: f.uidnext,
      highestModseq: f.highestmodseq,
      complete: f.complete,
      // The team log's messages are events, kept in their own table rather than as mail.
      stored: f.role === 'team-log' ? countTeamLog(db, accountId) : counts.stored,
      serverCount: f.serverCount,
      pendingBodies: countPendingBodies(db, f.id),
      unreadable: counts.unreadable,
      lastSyncedAt: f.lastSyncedAt,
      lagSeconds: f.lastSyncedAt === null ? null : Math.max(0, Math.round((now - f.lastSyncedAt) / 1000)),
      lastError: f.lastError,
    };
  });
}

/** The saved account's folder status, or null without an account (the quick `status` verb). */
export function accountStatus(db: Db, now: number): FolderStatus[] | null {
  const account = getAccount(db);
  return account ? folderStatus(db, account.id, now) : null;
}
