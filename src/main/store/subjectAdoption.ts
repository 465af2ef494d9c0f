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
import { headerlessRootsFrom, markJoinedBySubject, threadMessageDates } from './repos/messageThreads';
import { threadMovedByHand } from './repos/threadPins';
import { absorbThread } from './threadingKey';
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
        if (taken.includes(root.threadId) || threadMovedByHand(db, accountId, root.threadId, root.threadKey)) continue;
        dates.push(...threadMessageDates(db, root.threadId));
        absorbThread(db, accountId, root.threadId, threadId);
        markJoinedBySubject(db, root.rowId);
        taken.push(root.threadId);
      }
    }
  }
  return taken;
}
