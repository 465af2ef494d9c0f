import { prepared } from '../statements';
import type { Db } from '../db';
import type { ThreadingHeaders } from '../../policy/threading';

/**
 * Conversation keys as they change: what the key rule reads of a thread's messages, keying a
 * thread again, and the earlier keys a conversation went by (migration 013), so whatever names
 * an earlier key (team events, pending actions, queued replies, links) still finds it.
 */

interface HeaderRow {
  message_id: string;
  in_reply_to: string | null;
  refs: string;
}

function toHeaders(r: HeaderRow | undefined): ThreadingHeaders | null {
  return r ? { messageId: r.message_id, inReplyTo: r.in_reply_to, references: JSON.parse(r.refs) as string[] } : null;
}

/** A thread's key now, or null if there is no such thread. */
export function keyOfThread(db: Db, threadId: number): string | null {
  const row = prepared(db, 'SELECT thread_key FROM threads WHERE id = ?').get(threadId) as
    { thread_key: string } | undefined;
  return row?.thread_key ?? null;
}

/** A thread's earliest message (by date, then Message-ID), as the key rule reads it. */
export function earliestThreadMessage(db: Db, threadId: number): ThreadingHeaders | null {
  const row = prepared(
    db,
    `SELECT message_id, in_reply_to, refs FROM messages WHERE thread_id = ? AND message_id <> ''
       ORDER BY date, message_id LIMIT 1`,
  ).get(threadId) as HeaderRow | undefined;
  return toHeaders(row);
}

/** The message of this thread with this Message-ID, or null if the thread does not hold it. */
export function threadMessageById(
  db: Db,
  accountId: number,
  threadId: number,
  messageId: string,
): ThreadingHeaders | null {
  const row = prepared(
    db,
    `SELECT message_id, in_reply_to, refs FROM messages WHERE account_id = ? AND message_id = ? AND thread_id = ?
       ORDER BY id LIMIT 1`,
  ).get(accountId, messageId, threadId) as HeaderRow | undefined;
  return toHeaders(row);
}

/**
 * Keys a thread `to` instead of `from`. The old key (and any older key pointing at it) becomes
 * an alias of the new one, and my pending team actions and queued replies that name it follow.
 */
export function rekeyThread(db: Db, accountId: number, threadId: number, from: string, to: string): void {
  prepared(db, 'UPDATE threads SET thread_key = ? WHERE id = ?').run(to, threadId);
  rememberEarlierKey(db, accountId, from, to);
}

/** Records that the conversation keyed `from` is now keyed `to` (keyed again, or taken into another). */
export function rememberEarlierKey(db: Db, accountId: number, from: string, to: string): void {
  if (from === to) return;
  prepared(db, 'UPDATE thread_key_aliases SET thread_key = ? WHERE account_id = ? AND thread_key = ?').run(
    to,
    accountId,
    from,
  );
  prepared(
    db,
    `INSERT INTO thread_key_aliases (account_id, old_key, thread_key) VALUES (?, ?, ?)
     ON CONFLICT (account_id, old_key) DO UPDATE SET thread_key = excluded.thread_key`,
  ).run(accountId, from, to);
  // A key in use again is no longer an alias of anything.
  prepared(db, 'DELETE FROM thread_key_aliases WHERE account_id = ? AND old_key = ?').run(accountId, to);
  prepared(db, 'UPDATE team_pending SET thread_key = ? WHERE account_id = ? AND thread_key = ?').run(
    to,
    accountId,
    from,
  );
  prepared(db, 'UPDATE outbox SET thread_key = ? WHERE account_id = ? AND thread_key = ?').run(to, accountId, from);
}

/** The key a conversation goes by now, for a key it has or had. */
export function currentThreadKey(db: Db, accountId: number, key: string): string {
  const row = prepared(db, 'SELECT thread_key FROM thread_key_aliases WHERE account_id = ? AND old_key = ?').get(
    accountId,
    key,
  ) as { thread_key: string } | undefined;
  return row?.thread_key ?? key;
}

/** The thread keyed `key`, now or earlier. */
export function findThreadByAnyKey(db: Db, accountId: number, key: string): number | null {
  const byKey = prepared(db, 'SELECT id FROM threads WHERE account_id = ? AND thread_key = ?');
  const row = (byKey.get(accountId, key) ?? byKey.get(accountId, currentThreadKey(db, accountId, key))) as
    { id: number } | undefined;
  return row?.id ?? null;
}

/** The keys the conversation keyed `key` went by earlier. */
export function earlierThreadKeys(db: Db, accountId: number, key: string): string[] {
  const rows = prepared(
    db,
    'SELECT old_key FROM thread_key_aliases WHERE account_id = ? AND thread_key = ? ORDER BY old_key',
  ).all(accountId, key) as Array<{ old_key: string }>;
  return rows.map((r) => r.old_key);
}
