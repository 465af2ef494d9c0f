import { prepared } from '../statements';
import type { Db } from '../db';

/**
 * Messages the team moved by hand (merge, split): pinned to the conversation key they were
 * moved to, with the team thread key they came from (migration 008).
 */

/** Pins these Message-IDs to `threadKey`, remembering where they came from. */
export function pinMessages(
  db: Db,
  accountId: number,
  messageIds: readonly string[],
  threadKey: string,
  movedFrom: string,
): void {
  const stmt = prepared(
    db,
    `INSERT INTO thread_pins (account_id, message_id, thread_key, moved_from) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, message_id) DO UPDATE SET thread_key = excluded.thread_key, moved_from = excluded.moved_from`,
  );
  for (const id of messageIds) stmt.run(accountId, id, threadKey, movedFrom);
}

/** The conversation key a message was pinned to, or null if nobody moved it. */
export function pinnedThreadKey(db: Db, accountId: number, messageId: string): string | null {
  const row = prepared(db, 'SELECT thread_key FROM thread_pins WHERE account_id = ? AND message_id = ?').get(
    accountId,
    messageId,
  ) as { thread_key: string } | undefined;
  return row?.thread_key ?? null;
}

/** Whether anyone moved messages into the conversation keyed `threadKey` by hand. */
export function hasPinsTo(db: Db, accountId: number, threadKey: string): boolean {
  return (
    prepared(db, 'SELECT 1 FROM thread_pins WHERE account_id = ? AND thread_key = ? LIMIT 1').get(
      accountId,
      threadKey,
    ) !== undefined
  );
}

/** Whether any of these Message-IDs was moved by hand. */
export function anyPinned(db: Db, accountId: number, messageIds: readonly string[]): boolean {
  return messageIds.some((id) => pinnedThreadKey(db, accountId, id) !== null);
}

/** Message-IDs moved out of the team thread `movedFrom` (what undoing a merge takes back). */
export function pinnedFrom(db: Db, accountId: number, movedFrom: string): string[] {
  const rows = prepared(db, 'SELECT message_id FROM thread_pins WHERE account_id = ? AND moved_from = ?').all(
    accountId,
    movedFrom,
  ) as Array<{ message_id: string }>;
  return rows.map((r) => r.message_id);
}

/** Whether the team moved messages into or out of this thread by hand: a message of it is
 *  pinned, or pins name its key. Then the team decided its key, not the key rule. */
export function threadMovedByHand(db: Db, accountId: number, threadId: number, threadKey: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM thread_pins p WHERE p.account_id = @accountId AND (p.thread_key = @threadKey
         OR EXISTS (SELECT 1 FROM messages m WHERE m.account_id = p.account_id AND m.message_id = p.message_id
           AND m.thread_id = @threadId)) LIMIT 1`,
    ).get({ accountId, threadId, threadKey }) !== undefined
  );
}
