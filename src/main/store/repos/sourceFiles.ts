import { prepared } from '../statements';
import type { Db } from '../db';

/** Where a large message's original is kept (relative to the data folder), or null. */
export function sourceFileOf(db: Db, messageRowId: number): string | null {
  const row = prepared(db, 'SELECT source_file FROM messages WHERE id = ?').get(messageRowId) as
    { source_file: string | null } | undefined;
  return row?.source_file ?? null;
}

/**
 * Records that a message's original is kept in `file` (relative to the data folder), with a
 * note when it was read only in part (or null).
 */
export function setSourceFile(db: Db, messageRowId: number, file: string, note: string | null): void {
  prepared(db, 'UPDATE messages SET source_file = ?, parse_error = ? WHERE id = ?').run(file, note, messageRowId);
}

/**
 * Marks a large message unreadable: the reason is noted and its original stays in `file`
 * (nothing goes into the database's raw column). Returns its thread, if any.
 */
export function markUnreadableInFile(db: Db, messageRowId: number, error: string, file: string): number | null {
  const row = prepared(
    db,
    `UPDATE messages SET body_state = 'failed', parse_error = ?, raw = NULL, source_file = ? WHERE id = ?
       RETURNING thread_id`,
  ).get(error, file, messageRowId) as { thread_id: number | null } | undefined;
  return row?.thread_id ?? null;
}

/** Every original file the database still refers to. */
export function referencedSourceFiles(db: Db): Set<string> {
  const rows = prepared(db, 'SELECT source_file FROM messages WHERE source_file IS NOT NULL').all() as Array<{
    source_file: string;
  }>;
  return new Set(rows.map((r) => r.source_file));
}
