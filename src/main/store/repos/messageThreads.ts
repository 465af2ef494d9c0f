import { prepared } from '../statements';
import type { Db } from '../db';

/**
 * The messages table, as conversations use it: which conversation each message is in, moving
 * messages between conversations (merge, split), and the subject-fallback mark. Kept apart from
 * messages.ts (storing and reading messages) so each stays small.
 */

/** Moves the messages with these Message-IDs (every folder's copy) into a thread; returns the
 *  threads they left. */
export function moveMessagesById(
  db: Db,
  accountId: number,
  messageIds: readonly string[],
  toThreadId: number,
): number[] {
  const from = new Set<number>();
  const find = prepared(
    db,
    'SELECT DISTINCT thread_id FROM messages WHERE account_id = ? AND message_id = ? AND thread_id IS NOT NULL AND thread_id <> ?',
  );
  const move = prepared(db, 'UPDATE messages SET thread_id = ? WHERE account_id = ? AND message_id = ?');
  for (const id of messageIds) {
    for (const row of find.all(accountId, id, toThreadId) as Array<{ thread_id: number }>) from.add(row.thread_id);
    move.run(toThreadId, accountId, id);
  }
  return [...from];
}

/** A thread's Message-IDs, oldest first (each once, whatever the folders). */
export function threadMessageIds(db: Db, threadId: number): string[] {
  const rows = prepared(
    db,
    `SELECT message_id FROM messages WHERE thread_id = ? AND message_id <> ''
       GROUP BY message_id ORDER BY MIN(date), MIN(id)`,
  ).all(threadId) as Array<{ message_id: string }>;
  return rows.map((r) => r.message_id);
}

/** How a thread's messages point at their parents (for following replies of moved messages). */
export function threadParentLinks(db: Db, threadId: number): Array<{ messageId: string; parents: string[] }> {
  const rows = prepared(
    db,
    `SELECT message_id, in_reply_to, refs FROM messages WHERE thread_id = ? AND message_id <> '' GROUP BY message_id`,
  ).all(threadId) as Array<{ message_id: string; in_reply_to: string | null; refs: string }>;
  return rows.map((r) => ({
    messageId: r.message_id,
    parents: [...(r.in_reply_to ? [r.in_reply_to] : []), ...(JSON.parse(r.refs) as string[])],
  }));
}

/** The subject of a message by its Message-ID (a conversation's by its key), or null if not here. */
export function messageSubject(db: Db, accountId: number, messageId: string): string | null {
  const row = prepared(db, 'SELECT subject FROM messages WHERE account_id = ? AND message_id = ? LIMIT 1').get(
    accountId,
    messageId,
  ) as { subject: string } | undefined;
  return row ? row.subject || '(no subject)' : null;
}

/** Marks a stored message as joined to its thread by the subject fallback only. */
export function markJoinedBySubject(db: Db, messageRowId: number): void {
  prepared(db, 'UPDATE messages SET joined_by_subject = 1 WHERE id = ?').run(messageRowId);
}

/** Clears the subject-fallback mark of messages moved by hand (a person decided where they go). */
export function clearJoinedBySubject(db: Db, accountId: number, messageIds: readonly string[]): void {
  const stmt = prepared(db, 'UPDATE messages SET joined_by_subject = 0 WHERE account_id = ? AND message_id = ?');
  for (const id of messageIds) stmt.run(accountId, id);
}

/** A headerless message (no In-Reply-To or References) as store/subjectAdoption.ts weighs it. */
export interface HeaderlessReply {
  rowId: number;
  messageId: string;
  threadId: number;
  threadKey: string;
  subject: string;
  date: number;
  /** True when it starts its conversation (the thread is keyed by it). */
  isRoot: boolean;
}

/**
 * Headerless messages sent by `address`, dated within [from, to], in conversations other than
 * `threadId`, that either start their conversation or joined it by the subject fallback (the
 * index of migration 011).
 */
export function headerlessRepliesFrom(
  db: Db,
  accountId: number,
  address: string,
  range: { from: number; to: number },
  threadId: number,
): HeaderlessReply[] {
  const rows = prepared(
    db,
    `SELECT m.id AS rowId, m.message_id AS messageId, m.thread_id AS threadId, t.thread_key AS threadKey,
         m.subject, m.date, t.thread_key = m.message_id AS isRoot
       FROM messages m JOIN threads t ON t.id = m.thread_id
       WHERE m.account_id = @accountId AND lower(m.from_address) = @address AND m.date BETWEEN @from AND @to
         AND m.in_reply_to IS NULL AND m.refs = '[]' AND m.thread_id <> @threadId
         AND (t.thread_key = m.message_id OR m.joined_by_subject = 1)
       ORDER BY m.date, m.id`,
  ).all({ accountId, address: address.toLowerCase(), from: range.from, to: range.to, threadId }) as Array<
    Omit<HeaderlessReply, 'isRoot'> & { isRoot: number }
  >;
  return rows.map((r) => ({ ...r, isRoot: r.isRoot === 1 }));
}

/** The date of a thread's last message dated up to `at`, leaving out these Message-IDs; null if none. */
export function lastMessageUpTo(db: Db, threadId: number, at: number, except: readonly string[]): number | null {
  const row = prepared(
    db,
    `SELECT MAX(date) AS last FROM messages WHERE thread_id = ? AND date <= ?
       AND message_id NOT IN (SELECT value FROM json_each(?))`,
  ).get(threadId, at, JSON.stringify(except)) as { last: number | null };
  return row.last;
}

/** The dates of the messages with these Message-IDs, oldest first. */
export function messageDates(db: Db, accountId: number, messageIds: readonly string[]): number[] {
  const rows = prepared(
    db,
    `SELECT DISTINCT date FROM messages WHERE account_id = ? AND message_id IN (SELECT value FROM json_each(?))
       ORDER BY date`,
  ).all(accountId, JSON.stringify(messageIds)) as Array<{ date: number }>;
  return rows.map((r) => r.date);
}

/** `ids` and every message of the thread that replies to one of them (directly or further down),
 *  so taking a message out of a conversation also takes the replies it got there. */
export function withReplies(db: Db, threadId: number, ids: readonly string[]): string[] {
  const taken = new Set(ids);
  const links = threadParentLinks(db, threadId);
  let grew = true;
  while (grew) {
    grew = false;
    for (const link of links) {
      if (taken.has(link.messageId) || !link.parents.some((p) => taken.has(p))) continue;
      taken.add(link.messageId);
      grew = true;
    }
  }
  return [...taken];
}

/** The dates of a thread's messages, oldest first. */
export function threadMessageDates(db: Db, threadId: number): number[] {
  const rows = prepared(db, 'SELECT date FROM messages WHERE thread_id = ? ORDER BY date').all(threadId) as Array<{
    date: number;
  }>;
  return rows.map((r) => r.date);
}
