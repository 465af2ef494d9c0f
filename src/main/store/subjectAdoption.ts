/**
 * The subject fallback, made independent of the order mail is stored in. A headerless reply
 * joins an earlier conversation of the same customer with the same base subject
 * (policy/subject.ts). When that conversation's message is stored after the reply (the first
 * sync stores the newest mail first, in batches a resumed sync cuts elsewhere), the reply has
 * already started a conversation of its own; storing the earlier message takes it in, so every
 * order ends in the threads storing the mail oldest first gives.
 */
import type { Db } from './db';
import type { ParsedMessage } from '../../shared/types';
import { moveMessages } from './repos/messages';
import { headerlessRootsFrom, markJoinedBySubject, threadMessageDates, threadMessageIds } from './repos/messageThreads';
import { anyPinned, hasPinsTo } from './repos/threadPins';
import { moveThreadRefs } from './repos/threadRefs';
import { deleteThread } from './repos/threads';
import { isReplySubject, normalizeSubject, SUBJECT_FALLBACK_WINDOW_MS } from '../policy/subject';

/**
 * Moves into `threadId` every conversation started by a headerless reply-like message from one
 * of this message's customers, with its base subject, dated within the fallback window after it
 * (and, in turn, after each message taken in). A conversation anyone split or merged by hand is
 * left where it is. Returns the threads taken in (now deleted).
 */
export function adoptHeaderlessReplies(
  db: Db,
  accountId: number,
  threadId: number,
  m: Pick<ParsedMessage, 'subject' | 'date' | 'from' | 'to' | 'cc'>,
  teamAddresses: Set<string>,
): number[] {
  const base = normalizeSubject(m.subject);
  if (base === '') return [];
  const team = new Set([...teamAddresses].map((a) => a.toLowerCase()));
  const customers = new Set(
    [m.from, ...m.to, ...m.cc].map((a) => a.address.toLowerCase()).filter((a) => a !== '' && !team.has(a)),
  );
  const taken: number[] = [];
  const dates = [m.date];
  for (let d = dates.shift(); d !== undefined; d = dates.shift()) {
    for (const customer of customers) {
      const window = { from: d, to: d + SUBJECT_FALLBACK_WINDOW_MS };
      for (const root of headerlessRootsFrom(db, accountId, customer, window, threadId)) {
        if (!isReplySubject(root.subject) || normalizeSubject(root.subject) !== base) continue;
        if (taken.includes(root.threadId) || movedByHand(db, accountId, root.threadId, root.threadKey)) continue;
        dates.push(...threadMessageDates(db, root.threadId));
        moveMessages(db, root.threadId, threadId);
        moveThreadRefs(db, root.threadId, threadId);
        deleteThread(db, root.threadId);
        markJoinedBySubject(db, root.rowId);
        taken.push(root.threadId);
      }
    }
  }
  return taken;
}

/** A conversation split off or merged into by hand stays as the team left it (migration 008). */
function movedByHand(db: Db, accountId: number, threadId: number, threadKey: string): boolean {
  return hasPinsTo(db, accountId, threadKey) || anyPinned(db, accountId, threadMessageIds(db, threadId));
}
