import type { Db } from './db';
import type { ParsedMessage } from '../mail/parse';
import { linkedMessageIds, threadKeyOf } from '../policy/threading';
import { hasMessage, insertMessage, moveMessages } from './repos/messages';
import { refreshParticipants } from './repos/participants';
import { linkMessageIds, moveThreadRefs, threadsForMessageIds } from './repos/threadRefs';
import { createThread, deleteThread, findThreadByKey, refreshThread } from './repos/threads';

/** A fetched message on its way into the store. */
export interface IncomingMessage {
  accountId: number;
  folderId: number;
  uid: number;
  flags: string[];
  raw: Buffer;
  parsed: ParsedMessage | { error: string; date: number };
}

/** Which thread a message joins: the one its references name, merging any it bridges. */
function assignThread(db: Db, accountId: number, m: ParsedMessage): number {
  const ids = linkedMessageIds(m);
  const key = threadKeyOf(m);
  const found = threadsForMessageIds(db, accountId, ids);
  const byKey = findThreadByKey(db, accountId, key);
  if (byKey !== null && !found.includes(byKey)) found.push(byKey);
  if (found.length === 0) return createThread(db, accountId, key, m.date);
  // The thread that carries the root's key survives, so the key stays stable everywhere.
  const keep = byKey ?? Math.min(...found);
  for (const other of found) {
    if (other === keep) continue;
    moveMessages(db, other, keep);
    moveThreadRefs(db, other, keep);
    deleteThread(db, other);
  }
  return keep;
}

/**
 * Stores one message with its thread assignment and summary update in one transaction.
 * A message that could not be parsed is kept raw with its error and no thread.
 * Returns the thread it joined (null if unreadable or already stored).
 */
export function storeMessage(db: Db, incoming: IncomingMessage, teamAddresses: Set<string>): number | null {
  return db.transaction((): number | null => {
    if (hasMessage(db, incoming.folderId, incoming.uid)) return null;
    const { parsed } = incoming;
    if ('error' in parsed) {
      insertMessage(db, {
        ...base(incoming),
        threadId: null,
        messageId: '',
        date: parsed.date,
        parseError: parsed.error,
        raw: incoming.raw,
      });
      return null;
    }
    const threadId = assignThread(db, incoming.accountId, parsed);
    const fromTeam = teamAddresses.has(parsed.from.address);
    insertMessage(db, {
      ...base(incoming),
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
      fromTeam,
      parseError: null,
      raw: null,
    });
    linkMessageIds(db, incoming.accountId, linkedMessageIds(parsed), threadId);
    refreshThread(db, threadId);
    refreshParticipants(db, threadId, teamAddresses);
    return threadId;
  })();
}

function base(incoming: IncomingMessage) {
  return {
    accountId: incoming.accountId,
    folderId: incoming.folderId,
    uid: incoming.uid,
    flags: incoming.flags,
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
