import { prepared } from '../statements';
import type { Db } from '../db';

/** Distinct threads already known by any of these Message-IDs. */
export function threadsForMessageIds(db: Db, accountId: number, messageIds: string[]): number[] {
  if (messageIds.length === 0) return [];
  const stmt = prepared(db, 'SELECT thread_id FROM thread_refs WHERE account_id = ? AND message_id = ?');
  const found = new Set<number>();
  for (const id of messageIds) {
    const row = stmt.get(accountId, id) as { thread_id: number } | undefined;
    if (row) found.add(row.thread_id);
  }
  return [...found];
}

/** Records that these Message-IDs (seen or only referenced) belong to a thread. */
export function linkMessageIds(db: Db, accountId: number, messageIds: string[], threadId: number): void {
  // One statement per message: a reply names every ancestor again, so SQLite walks the list
  // itself, and a row already pointing at the thread is left alone rather than rewritten
  // along with its thread_refs_by_thread entry.
  if (messageIds.length === 0) return;
  prepared(
    db,
    `INSERT INTO thread_refs (account_id, message_id, thread_id)
     SELECT ?, value, ? FROM json_each(?) WHERE true
     ON CONFLICT (account_id, message_id) DO UPDATE SET thread_id = excluded.thread_id
     WHERE thread_refs.thread_id <> excluded.thread_id`,
  ).run(accountId, threadId, JSON.stringify(messageIds));
}

/** Records Message-IDs that no thread knows yet; ids already known keep their thread (a message
 *  beside a conversation split by hand must not pull the other side's ids over). */
export function linkUnknownMessageIds(db: Db, accountId: number, messageIds: string[], threadId: number): void {
  const stmt = prepared(
    db,
    `INSERT INTO thread_refs (account_id, message_id, thread_id) VALUES (?, ?, ?)
     ON CONFLICT (account_id, message_id) DO NOTHING`,
  );
  for (const id of messageIds) stmt.run(accountId, id, threadId);
}

/** Points every Message-ID of one thread at another (thread merge). */
export function moveThreadRefs(db: Db, fromThreadId: number, toThreadId: number): void {
  prepared(db, 'UPDATE thread_refs SET thread_id = ? WHERE thread_id = ?').run(toThreadId, fromThreadId);
}

/** The Message-IDs a thread is known by (its earlier keys first), for team events' `known`: a
 *  teammate's event may name the conversation by a key it had before mail that arrived late
 *  showed an older root (store/threadingKey.ts). */
export function messageIdsOfThread(db: Db, threadId: number, limit: number): string[] {
  const earlier = prepared(
    db,
    `SELECT a.old_key AS id FROM thread_key_aliases a
       JOIN threads t ON t.account_id = a.account_id AND t.thread_key = a.thread_key
     WHERE t.id = ? ORDER BY a.old_key LIMIT ?`,
  ).all(threadId, limit) as Array<{ id: string }>;
  const refs = prepared(db, 'SELECT message_id AS id FROM thread_refs WHERE thread_id = ? LIMIT ?').all(
    threadId,
    limit,
  ) as Array<{ id: string }>;
  return [...new Set([...earlier, ...refs].map((r) => r.id))].slice(0, limit);
}
