/**
 * A conversation's key follows from the messages it holds (policy/threading.ts
 * `conversationKey`), not from the one that happened to arrive first: the first sync stores the
 * newest mail first, in batches a resumed sync cuts elsewhere, and replicas sync at different
 * times, yet team state is keyed by it, so every order must end in the same key. A key that
 * changes is remembered as an earlier key of the conversation (repos/threadKeys.ts).
 */
import type { Db } from './db';
import { conversationKey } from '../policy/threading';
import { moveMessages } from './repos/messages';
import {
  earliestThreadMessage,
  rekeyThread,
  rememberEarlierKey,
  keyOfThread,
  threadMessageById,
} from './repos/threadKeys';
import { threadMovedByHand } from './repos/threadPins';
import { moveThreadRefs } from './repos/threadRefs';
import { deleteThread, findThreadByKey } from './repos/threads';

/**
 * Keys a thread by the root its messages lead to, if that differs from its key now. A thread
 * the team merged or split by hand keeps the key the team gave it; a root another thread
 * already goes by (only Gmail's own threads can share one) leaves the key as it is.
 * Returns the change, or null.
 */
export function settleThreadKey(db: Db, accountId: number, threadId: number): { from: string; to: string } | null {
  const current = keyOfThread(db, threadId);
  const earliest = earliestThreadMessage(db, threadId);
  if (current === null || earliest === null) return null;
  const key = conversationKey(earliest, (id) => threadMessageById(db, accountId, threadId, id));
  if (key === current || findThreadByKey(db, accountId, key) !== null) return null;
  if (threadMovedByHand(db, accountId, threadId, current)) return null;
  rekeyThread(db, accountId, threadId, current, key);
  return { from: current, to: key };
}

/** Takes every message of thread `from` into thread `into` and deletes `from`; its key becomes
 *  an earlier key of the conversation it joined. */
export function absorbThread(db: Db, accountId: number, from: number, into: number): void {
  const fromKey = keyOfThread(db, from);
  const intoKey = keyOfThread(db, into);
  moveMessages(db, from, into);
  moveThreadRefs(db, from, into);
  deleteThread(db, from);
  if (fromKey !== null && intoKey !== null) rememberEarlierKey(db, accountId, fromKey, intoKey);
}

/** Keys every conversation by the rule, once, for a database written before it (migration 013):
 *  until then a conversation kept the key of whichever of its messages was stored first. */
export function settleEveryThreadKey(db: Db): number {
  const threads = db.prepare('SELECT id, account_id AS accountId FROM threads ORDER BY id').all() as Array<{
    id: number;
    accountId: number;
  }>;
  return db.transaction(() => threads.filter((t) => settleThreadKey(db, t.accountId, t.id) !== null).length)();
}
