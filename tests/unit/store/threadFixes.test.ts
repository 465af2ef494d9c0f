import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/main/store/db';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder } from '../../../src/main/store/repos/folders';
import { storeMessage } from '../../../src/main/store/ingest';
import { findThreadByKey, listThreads } from '../../../src/main/store/repos/threads';
import { listThreadMessages } from '../../../src/main/store/repos/messages';
import { pinnedFrom } from '../../../src/main/store/repos/threadPins';
import { mergeLocal, messagesFrom, splitLocal } from '../../../src/main/store/threadFixes';
import { withReplies } from '../../../src/main/store/repos/messageThreads';
import type { ParsedMessage } from '../../../src/shared/types';

const TEAM = new Set(['support@shop.example']);

function setup(): { db: Db; accountId: number; store(m: ParsedMessage): number | null } {
  const db = openDb(':memory:');
  const accountId = addSupportAccount(db);
  const inbox = ensureFolder(db, accountId, 'INBOX', 'inbox').id;
  let uid = 0;
  const store = (parsed: ParsedMessage) =>
    storeMessage(db, { accountId, folderId: inbox, uid: ++uid, flags: [], raw: null, parsed }, TEAM);
  return { db, accountId, store };
}

function msg(id: string, date: number, parents: string[] = [], over: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: id,
    inReplyTo: parents.at(-1) ?? null,
    references: parents,
    subject: parents.length > 0 ? 'Re: Order 1234' : 'Order 1234',
    from: { name: 'Cara', address: 'cara@customer.example' },
    to: [{ name: '', address: 'support@shop.example' }],
    cc: [],
    date,
    text: 'hello',
    html: null,
    snippet: 'hello',
    hasAttachments: false,
    attachments: [],
    ...over,
  };
}

function idsOf(db: Db, accountId: number, key: string): string[] {
  const id = findThreadByKey(db, accountId, key);
  return id === null ? [] : listThreadMessages(db, id).map((m) => m.messageId);
}

describe('split and merge of local conversations', () => {
  it('splits from a message on; a later reply follows its parent and does not join the two again', () => {
    const { db, accountId, store } = setup();
    const thread = store(msg('m1@x', 1000))!;
    store(msg('m2@x', 2000, ['m1@x']));
    store(msg('m3@x', 3000, ['m1@x', 'm2@x']));
    store(msg('m4@x', 4000, ['m1@x', 'm2@x', 'm3@x']));
    expect(messagesFrom(db, thread, 'm3@x')).toEqual(['m3@x', 'm4@x']);

    splitLocal(db, accountId, { messageIds: ['m3@x', 'm4@x'], newKey: 'm3@x', sourceKey: 'm1@x' }, TEAM, 5000);
    expect(idsOf(db, accountId, 'm1@x')).toEqual(['m1@x', 'm2@x']);
    expect(idsOf(db, accountId, 'm3@x')).toEqual(['m3@x', 'm4@x']);

    // A reply whose References name both sides joins its parent's side only.
    store(msg('m5@x', 6000, ['m1@x', 'm2@x', 'm3@x', 'm4@x']));
    store(msg('m6@x', 7000, ['m1@x', 'm2@x']));
    expect(idsOf(db, accountId, 'm3@x')).toEqual(['m3@x', 'm4@x', 'm5@x']);
    expect(idsOf(db, accountId, 'm1@x')).toEqual(['m1@x', 'm2@x', 'm6@x']);
    expect(listThreads(db, accountId, 10, 0)).toHaveLength(2);

    // Applying the same split again (the log confirming it) changes nothing.
    splitLocal(db, accountId, { messageIds: ['m3@x', 'm4@x'], newKey: 'm3@x', sourceKey: 'm1@x' }, TEAM, 8000);
    expect(idsOf(db, accountId, 'm3@x')).toEqual(['m3@x', 'm4@x', 'm5@x']);
  });

  it('a split message that arrives after the split goes where it was put', () => {
    const { db, accountId, store } = setup();
    store(msg('m1@x', 1000));
    store(msg('m2@x', 2000, ['m1@x']));
    splitLocal(db, accountId, { messageIds: ['m3@x'], newKey: 'm3@x', sourceKey: 'm1@x' }, TEAM, 2500);
    store(msg('m3@x', 3000, ['m1@x', 'm2@x']));
    expect(idsOf(db, accountId, 'm1@x')).toEqual(['m1@x', 'm2@x']);
    expect(idsOf(db, accountId, 'm3@x')).toEqual(['m3@x']);
  });

  it('merges one conversation into another with both histories; replies to either join it; undo takes it back', () => {
    const { db, accountId, store } = setup();
    store(msg('a1@x', 1000));
    store(msg('a2@x', 3000, ['a1@x']));
    store(msg('b1@x', 2000, [], { subject: 'Second order' }));
    const merged = mergeLocal(db, accountId, { source: ['b1@x'], sourceKey: 'b1@x', into: ['a1@x'] }, TEAM, 4000);
    expect(merged?.threadId).toBe(findThreadByKey(db, accountId, 'a1@x'));
    expect(idsOf(db, accountId, 'a1@x')).toEqual(['a1@x', 'b1@x', 'a2@x']);
    expect(findThreadByKey(db, accountId, 'b1@x')).toBeNull();
    expect(pinnedFrom(db, accountId, 'b1@x')).toEqual(['b1@x']);
    store(msg('b2@x', 5000, ['b1@x']));
    expect(idsOf(db, accountId, 'a1@x')).toEqual(['a1@x', 'b1@x', 'a2@x', 'b2@x']);
    // Nothing of the source left here: a second merge is a no-op.
    expect(mergeLocal(db, accountId, { source: ['b1@x'], sourceKey: 'b1@x', into: ['a1@x'] }, TEAM, 6000)).toBeNull();

    // The undo: what came from b1 (and the reply that followed it) goes back out.
    const back = withReplies(db, findThreadByKey(db, accountId, 'a1@x')!, pinnedFrom(db, accountId, 'b1@x'));
    expect(back.sort()).toEqual(['b1@x', 'b2@x']);
    splitLocal(db, accountId, { messageIds: back, newKey: 'b1@x', sourceKey: 'a1@x' }, TEAM, 7000);
    expect(idsOf(db, accountId, 'a1@x')).toEqual(['a1@x', 'a2@x']);
    expect(idsOf(db, accountId, 'b1@x')).toEqual(['b1@x', 'b2@x']);
  });

  it('marks a message joined only by the subject fallback, and clears it once split off', () => {
    const { db, accountId, store } = setup();
    const first = store(msg('s1@x', 1000))!;
    store(msg('s2@x', 2000, [], { subject: 'Re: Order 1234' }));
    const marks = listThreadMessages(db, first).map((m) => `${m.messageId}:${String(m.joinedBySubject)}`);
    expect(marks).toEqual(['s1@x:false', 's2@x:true']);
    splitLocal(db, accountId, { messageIds: ['s2@x'], newKey: 's2@x', sourceKey: 's1@x' }, TEAM, 3000);
    expect(listThreadMessages(db, findThreadByKey(db, accountId, 's2@x')!)[0]?.joinedBySubject).toBe(false);
  });
});
