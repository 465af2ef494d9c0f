/**
 * The subject fallback, made independent of the order mail is stored in. A headerless reply
 * joins the conversation of the same customer with the same base subject whose last message
 * before it is the most recent, within three days (policy/subject.ts). That is the result of
 * storing the mail oldest first; the first sync stores the newest first, in batches a resumed
 * sync cuts elsewhere, so storing a message also settles the headerless replies dated within
 * three days after it:
 * - a reply that started a conversation of its own (its original was not here yet) is taken in
 *   with that conversation;
 * - a reply the fallback put in another conversation comes over, with the replies it got there,
 *   when this conversation's last message before it is later than that one's (without the
 *   reply and its answers). So with two originals of one subject from one customer, a reply
 *   between them ends with the later one in every order. On an exact tie it stays.
 * Each message taken over extends the window, so chains that link only through each other are
 * found too. Conversations split or merged by hand are left as the team left them.
 */
import type { Db } from './db';
import type { ParsedMessage } from '../../shared/types';
import {
  headerlessRepliesFrom,
  lastMessageUpTo,
  markJoinedBySubject,
  messageDates,
  moveMessagesById,
  threadMessageDates,
  withReplies,
  type HeaderlessReply,
} from './repos/messageThreads';
import { threadMovedByHand } from './repos/threadPins';
import { linkMessageIds } from './repos/threadRefs';
import { refreshThreadDates } from './repos/threads';
import { absorbThread, settleThreadKey } from './threadingKey';
import { isReplySubject, normalizeSubject, SUBJECT_FALLBACK_WINDOW_MS } from '../policy/subject';

/** What settling changed besides `threadId`: threads taken in (now deleted), threads a reply left. */
export interface Adoption {
  gone: number[];
  left: number[];
}

/**
 * Brings into `threadId` the headerless replies from one of this message's customers, with its
 * base subject, dated within the fallback window after it (and, in turn, after each message
 * brought in) that belong here rather than where they are (see above).
 */
export function adoptHeaderlessReplies(
  db: Db,
  accountId: number,
  threadId: number,
  m: Pick<ParsedMessage, 'subject' | 'date' | 'from' | 'to' | 'cc'>,
  teamAddresses: Set<string>,
): Adoption {
  const result: Adoption = { gone: [], left: [] };
  const base = normalizeSubject(m.subject);
  if (base === '') return result;
  const team = new Set([...teamAddresses].map((a) => a.toLowerCase()));
  const customers = new Set(
    [m.from, ...m.to, ...m.cc].map((a) => a.address.toLowerCase()).filter((a) => a !== '' && !team.has(a)),
  );
  const settled = new Set<string>();
  const dates = [m.date];
  for (let d = dates.shift(); d !== undefined; d = dates.shift()) {
    for (const customer of customers) {
      const window = { from: d, to: d + SUBJECT_FALLBACK_WINDOW_MS };
      for (const reply of headerlessRepliesFrom(db, accountId, customer, window, threadId)) {
        if (settled.has(reply.messageId) || !isReplySubject(reply.subject)) continue;
        if (normalizeSubject(reply.subject) !== base) continue;
        if (threadMovedByHand(db, accountId, reply.threadId, reply.threadKey)) continue;
        settled.add(reply.messageId);
        if (reply.isRoot) {
          dates.push(...threadMessageDates(db, reply.threadId));
          absorbThread(db, accountId, reply.threadId, threadId);
          markJoinedBySubject(db, reply.rowId);
          result.gone.push(reply.threadId);
        } else {
          const moved = takeOver(db, accountId, threadId, reply);
          if (moved.length === 0) continue;
          dates.push(...messageDates(db, accountId, moved));
          if (!result.left.includes(reply.threadId)) result.left.push(reply.threadId);
        }
      }
    }
  }
  return result;
}

/** Moves a reply the fallback put elsewhere, with its answers, into `threadId` when it belongs
 *  here (see above). Returns the Message-IDs moved (none when it stays). */
function takeOver(db: Db, accountId: number, threadId: number, reply: HeaderlessReply): string[] {
  const ids = withReplies(db, reply.threadId, [reply.messageId]);
  const here = lastMessageUpTo(db, threadId, reply.date, []);
  const there = lastMessageUpTo(db, reply.threadId, reply.date, ids);
  const thereFits = there !== null && reply.date - there <= SUBJECT_FALLBACK_WINDOW_MS;
  if (here === null || (thereFits && here <= there)) return [];
  moveMessagesById(db, accountId, ids, threadId);
  linkMessageIds(db, accountId, ids, threadId);
  refreshThreadDates(db, reply.threadId);
  settleThreadKey(db, accountId, reply.threadId);
  return ids;
}
