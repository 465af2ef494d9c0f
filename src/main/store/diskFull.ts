/** What a person is told when the disk holding the data folder is full. */
export const DISK_FULL_MESSAGE = 'Your disk is full: Promptly paused syncing. Free some space; nothing was lost.';

/**
 * True when `error` says the disk (or the database's size limit) is full: SQLite's
 * SQLITE_FULL ("database or disk is full"), the OS's ENOSPC, or a sync already explained as
 * `disk-full`. Every write runs in a
 * transaction, so such a failure rolls back and loses nothing.
 */
export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'disk-full') return true;
  return typeof message === 'string' && /database or disk is full|no space left on device/i.test(message);
}
