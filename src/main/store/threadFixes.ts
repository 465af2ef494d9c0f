/**
 * Conversations merged or split by hand, applied to the local threads (the team log's merge and
 * split events, docs/ARCHITECTURE.md "Team state"). Both are idempotent: applying an event again
 * (when the log confirms my own, or after a refold) changes nothing. Moved messages are pinned
 * (repos/threadPins.ts) so a later sync neither undoes a split nor forgets a merge.
 */
import type { Db } from './db';
import { refreshThreads } from './ingest';
import { moveMessages } from './repos/messages';
import { clearJoinedBySubject, moveMessagesById, threadMessageIds } from './repos/messageThreads';
import { pinMessages } from './repos/threadPins';
import { findThreadByAnyKey } from './repos/threadKeys';
import { linkMessageIds, moveThreadRefs, threadsForMessageIds } from './repos/threadRefs';
import { createThread, deleteThread, findThreadByKey, getThread } from './repos/threads';

/** The local threads a conversation is known by: the one with its key, and those holding its ids. */
export function localThreadsFor(db: Db, accountId: number, ids: readonly string[]): number[] {
  const found = new Set(threadsForMessageIds(db, accountId, [...ids]));
  for (const id of ids) {
    const byKey = findThreadByAnyKey(db, accountId, id);
    if (byKey !== null) found.add(byKey);
  }
  return [...found];
}

/** What a merge or split changed: the thread that holds the messages now, and every thread touched. */
export interface ThreadFixResult {
  threadId: number;
  touched: number[];
}

/**
 * Moves every local message of the conversation known by `source` (its team key first, then
 * Message-IDs its events carried) into the conversation known by `into` (created if this
 * replica has none of its mail yet). Returns null when nothing of the source is here.
 */
export function mergeLocal(
  db: Db,
  accountId: number,
  merge: { source: readonly string[]; sourceKey: string; into: readonly string[] },
  teamAddresses: Set<string>,
  now: number,
): ThreadFixResult | null {
  return db.transaction((): ThreadFixResult | null => {
    const targets = localThreadsFor(db, accountId, merge.into);
    const target = targets.find((id) => getThread(db, id)?.key === merge.into[0]) ?? targets[0];
    const sources = localThreadsFor(db, accountId, merge.source).filter((id) => !targets.includes(id));
    if (sources.length === 0) return null;
    const into = target ?? createThread(db, accountId, merge.into[0] ?? merge.sourceKey, now);
    const key = getThread(db, into)?.key ?? merge.into[0] ?? '';
    for (const source of sources) {
      pinMessages(db, accountId, threadMessageIds(db, source), key, merge.sourceKey);
      moveMessages(db, source, into);
      moveThreadRefs(db, source, into);
      deleteThread(db, source);
    }
    refreshThreads(db, [into], teamAddresses);
    return { threadId: into, touched: [into, ...sources] };
  })();
}

/**
 * Moves the messages with these Message-IDs into the conversation keyed `newKey` (created if
 * needed), and pins them there, also those not synced here yet. Their own ids move with them;
 * ids they only reference stay with the conversation they came from.
 */
export function splitLocal(
  db: Db,
  accountId: number,
  split: { messageIds: readonly string[]; newKey: string; sourceKey: string },
  teamAddresses: Set<string>,
  now: number,
): ThreadFixResult {
  return db.transaction((): ThreadFixResult => {
    const target = findThreadByKey(db, accountId, split.newKey) ?? createThread(db, accountId, split.newKey, now);
    const left = moveMessagesById(db, accountId, split.messageIds, target);
    linkMessageIds(db, accountId, [...split.messageIds], target);
    pinMessages(db, accountId, split.messageIds, split.newKey, split.sourceKey);
    clearJoinedBySubject(db, accountId, split.messageIds);
    refreshThreads(db, [target, ...left], teamAddresses);
    return { threadId: target, touched: [target, ...left] };
  })();
}

/** The Message-IDs "Split from here" moves: the chosen message and every later one of its thread. */
export function messagesFrom(db: Db, threadId: number, fromMessageId: string): string[] | null {
  const ids = threadMessageIds(db, threadId);
  const at = ids.indexOf(fromMessageId);
  return at < 0 ? null : ids.slice(at);
}
