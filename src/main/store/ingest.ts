import type { Db } from './db';
import type { ParsedMessage } from '../../shared/types';
import { linkedMessageIds, threadKeyOf } from '../policy/threading';
import { hasMessage, insertMessage, rematchParked, saveBody, threadForGmailId } from './repos/messages';
import { markJoinedBySubject } from './repos/messageThreads';
import { anyPinned, pinnedThreadKey } from './repos/threadPins';
import { saveAttachments } from './repos/attachments';
import { adoptHeaderlessReplies } from './subjectAdoption';
import { absorbThread, settleThreadKey } from './threadingKey';
import { refreshParticipants } from './repos/participants';
import { linkMessageIds, linkUnknownMessageIds, threadsForMessageIds } from './repos/threadRefs';
import { indexStoredMessages } from './repos/searchIndex';
import {
  createThread,
  deleteThreadIfEmpty,
  findThreadByKey,
  recentThreadsWithAddress,
  refreshThread,
  refreshThreadDates,
} from './repos/threads';
import {
  isReplySubject,
  normalizeSubject,
  subjectFallbackCandidate,
  SUBJECT_FALLBACK_WINDOW_MS,
} from '../policy/subject';

/** A fetched message on its way into the store (headers only, or complete). */
export interface IncomingMessage {
  accountId: number;
  folderId: number;
  uid: number;
  flags: string[];
  /** The full source when the body came with it; null in the header phase. */
  raw: Buffer | null;
  parsed: ParsedMessage | { error: string; date: number };
  /** 'pending' when only headers were fetched and the body phase must follow. */
  bodyState?: 'pending' | 'done';
  modseq?: string | null;
  size?: number;
  gmThrid?: string | null;
  headers?: Record<string, string>;
  /** Why the body could not be read: the message keeps its header fields and is kept raw, marked 'failed'. */
  bodyError?: string;
}

/** Where a message goes: its thread, and whether it got there only by the subject fallback or
 *  beside a conversation split by hand (then it must not re-link the other side's ids). */
interface Placement {
  threadId: number;
  bySubject: boolean;
  besideSplit: boolean;
}

/** Which thread a message joins: Gmail's thread, else the one its references name (merging bridged ones). */
function assignThread(
  db: Db,
  accountId: number,
  m: ParsedMessage,
  gmThrid: string | null,
  teamAddresses: Set<string>,
): Placement {
  const placed = (threadId: number, bySubject = false, besideSplit = false) => ({ threadId, bySubject, besideSplit });
  if (gmThrid) {
    const gmail = threadForGmailId(db, accountId, gmThrid);
    if (gmail !== null) return placed(gmail);
  }
  const ids = linkedMessageIds(m);
  // Moved by hand before it got here (a teammate's merge or split): it goes where they put it.
  const pinned = pinnedThreadKey(db, accountId, m.messageId);
  if (pinned !== null) return placed(threadOfKey(db, accountId, pinned, m.date), false, true);
  const key = threadKeyOf(m);
  const found = threadsForMessageIds(db, accountId, ids);
  const byKey = findThreadByKey(db, accountId, key);
  if (byKey !== null && !found.includes(byKey)) found.push(byKey);
  // A headerless reply is found only by the answers it got (stored before it): they follow it
  // to the conversation the subject fallback gives it, as when the mail is stored oldest first.
  const bySubject = subjectFallbackThread(db, accountId, m, teamAddresses);
  if (bySubject !== null && !found.includes(bySubject) && !anyPinned(db, accountId, ids)) {
    for (const answers of found) absorbThread(db, accountId, answers, bySubject);
    return placed(bySubject, true);
  }
  if (found.length === 0) return placed(createThread(db, accountId, key, m.date));
  // A conversation split by hand stays split: the message joins its nearest known ancestor's.
  if (found.length > 1 && anyPinned(db, accountId, ids))
    return placed(nearestAncestorThread(db, accountId, m), false, true);
  // The thread that carries the root's key survives, so the key stays stable everywhere.
  const keep = byKey ?? Math.min(...found);
  for (const other of found) if (other !== keep) absorbThread(db, accountId, other, keep);
  return placed(keep);
}

/** The local thread of a conversation key: the thread with that key, else the one its message is in. */
function threadOfKey(db: Db, accountId: number, key: string, at: number): number {
  return (
    findThreadByKey(db, accountId, key) ??
    threadsForMessageIds(db, accountId, [key])[0] ??
    createThread(db, accountId, key, at)
  );
}

/** The thread of the parent (In-Reply-To), else of the closest ancestor in References that is known. */
function nearestAncestorThread(db: Db, accountId: number, m: ParsedMessage): number {
  const ancestors = [...(m.inReplyTo ? [m.inReplyTo] : []), ...[...m.references].reverse()];
  for (const id of ancestors) {
    const [thread] = threadsForMessageIds(db, accountId, [id]);
    if (thread !== undefined) return thread;
  }
  return threadOfKey(db, accountId, threadKeyOf(m), m.date);
}

/** A reply that lost its headers joins a recent thread of the same customer with the same base subject. */
function subjectFallbackThread(db: Db, accountId: number, m: ParsedMessage, teamAddresses: Set<string>): number | null {
  const hasThreadingHeaders = m.inReplyTo !== null || m.references.length > 0;
  if (hasThreadingHeaders || !isReplySubject(m.subject) || teamAddresses.has(m.from.address)) return null;
  const since = m.date - SUBJECT_FALLBACK_WINDOW_MS;
  const candidates = recentThreadsWithAddress(db, accountId, m.from.address, since, m.date).map((t) => ({
    threadId: t.threadId,
    normalizedSubject: normalizeSubject(t.subject),
    participants: [m.from.address],
    lastMessageAt: t.lastMessageAt,
  }));
  return subjectFallbackCandidate(
    { subject: m.subject, from: m.from.address, date: m.date, hasThreadingHeaders },
    candidates,
  );
}

/** Stores one message of a batch; returns its new row's id when it is to be indexed now (not
 *  inserted, or waiting for its body: null). */
function storeOne(db: Db, incoming: IncomingMessage, teamAddresses: Set<string>, touched: Set<number>): number | null {
  if (hasMessage(db, incoming.folderId, incoming.uid)) return null;
  const { parsed } = incoming;
  const extra = {
    modseq: incoming.modseq ?? null,
    size: incoming.size ?? incoming.raw?.length ?? 0,
    gmThrid: incoming.gmThrid ?? null,
    headers: incoming.headers ?? {},
  };
  if ('error' in parsed) {
    return insertMessage(db, {
      ...blank(incoming),
      ...extra,
      threadId: null,
      date: parsed.date,
      parseError: parsed.error,
      raw: incoming.raw,
      bodyState: 'failed',
    });
  }
  const rematched = rematchParked(db, incoming.folderId, parsed.messageId, incoming.uid, incoming.flags);
  if (rematched !== undefined) {
    if (rematched !== null) touched.add(rematched);
    return null;
  }
  const { threadId, bySubject, besideSplit } = assignThread(
    db,
    incoming.accountId,
    parsed,
    extra.gmThrid,
    teamAddresses,
  );
  const bodyState = incoming.bodyError ? 'failed' : (incoming.bodyState ?? 'done');
  const id = insertMessage(db, {
    ...blank(incoming),
    ...extra,
    threadId,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    subject: parsed.subject,
    from: parsed.from,
    to: parsed.to,
    cc: parsed.cc,
    date: parsed.date,
    snippet: parsed.snippet,
    text: parsed.text,
    html: parsed.html,
    hasAttachments: parsed.hasAttachments,
    fromTeam: teamAddresses.has(parsed.from.address),
    parseError: incoming.bodyError ?? parsed.problem ?? null,
    raw: incoming.bodyError || parsed.problem ? incoming.raw : null,
    bodyState,
  });
  if (id !== null && parsed.attachments.length > 0) saveAttachments(db, id, parsed.attachments);
  if (id !== null && bySubject) markJoinedBySubject(db, id);
  if (besideSplit) {
    linkMessageIds(db, incoming.accountId, [parsed.messageId], threadId);
    linkUnknownMessageIds(db, incoming.accountId, linkedMessageIds(parsed), threadId);
  } else {
    linkMessageIds(db, incoming.accountId, linkedMessageIds(parsed), threadId);
    const adopted = adoptHeaderlessReplies(db, incoming.accountId, threadId, parsed, teamAddresses);
    adopted.gone.forEach((gone) => touched.delete(gone));
    adopted.left.forEach((left) => touched.add(left));
  }
  refreshThreadDates(db, threadId);
  settleThreadKey(db, incoming.accountId, threadId);
  touched.add(threadId);
  return bodyState === 'pending' ? null : id;
}

/** Refreshes the summary rows of threads whose messages changed. */
export function refreshThreads(db: Db, threadIds: Iterable<number>, teamAddresses: Set<string>): void {
  for (const id of threadIds) {
    // A conversation whose last message was expunged disappears; its key is the root's
    // Message-ID, so team state keyed by it finds the thread again if mail comes back.
    if (deleteThreadIfEmpty(db, id)) continue;
    refreshThread(db, id);
    refreshParticipants(db, id, teamAddresses);
  }
}

/**
 * Stores a batch of messages with their thread assignment and summary updates in ONE
 * transaction, so a crash or dropped connection leaves either the whole batch or none.
 * Unreadable messages are kept raw with their error. Returns the threads touched.
 */
export function storeBatch(db: Db, batch: IncomingMessage[], teamAddresses: Set<string>): number[] {
  return db.transaction((): number[] => {
    const touched = new Set<number>();
    const indexed: number[] = [];
    for (const incoming of batch) {
      const id = storeOne(db, incoming, teamAddresses, touched);
      if (id !== null) indexed.push(id);
    }
    refreshThreads(db, touched, teamAddresses);
    indexStoredMessages(db, indexed); // last: see migration 017
    return [...touched];
  })();
}

/** Stores one message (see storeBatch); returns the thread it joined, or null. */
export function storeMessage(db: Db, incoming: IncomingMessage, teamAddresses: Set<string>): number | null {
  const before = hasMessage(db, incoming.folderId, incoming.uid);
  const touched = storeBatch(db, [incoming], teamAddresses);
  return before ? null : (touched[0] ?? null);
}

/** What a body fills in of a message stored in the header phase. */
export type StoredBody = Pick<
  ParsedMessage,
  'text' | 'html' | 'snippet' | 'hasAttachments' | 'attachments' | 'problem'
>;

/** A fetched body on its way to a message stored in the header phase. */
export interface IncomingBody {
  messageRowId: number;
  raw: Buffer;
  parsed: StoredBody | { error: string };
}

/**
 * Fills in bodies for a batch in one transaction; returns the threads touched. A body changes
 * a thread's snippet and attachment mark, never who wrote to it, so participants stay as the
 * header phase left them.
 */
export function storeBodies(db: Db, bodies: IncomingBody[]): number[] {
  return db.transaction((): number[] => {
    const touched = new Set<number>();
    for (const b of bodies) {
      const p = b.parsed;
      const threadId =
        'error' in p
          ? saveBody(db, b.messageRowId, { ok: false, error: p.error, raw: b.raw })
          : saveBody(db, b.messageRowId, {
              ok: true,
              text: p.text,
              html: p.html,
              snippet: p.snippet,
              hasAttachments: p.hasAttachments,
              problem: p.problem ? { note: p.problem, raw: b.raw } : null,
            });
      if (!('error' in p)) saveAttachments(db, b.messageRowId, p.attachments);
      if (threadId !== null) touched.add(threadId);
    }
    for (const id of touched) refreshThread(db, id);
    return [...touched];
  })();
}

function blank(incoming: IncomingMessage) {
  return {
    accountId: incoming.accountId,
    folderId: incoming.folderId,
    uid: incoming.uid,
    flags: incoming.flags,
    messageId: '',
    inReplyTo: null,
    references: [],
    subject: '',
    from: { name: '', address: '' },
    to: [],
    cc: [],
    snippet: '',
    text: '',
    html: null,
    hasAttachments: false,
    fromTeam: false,
  };
}
