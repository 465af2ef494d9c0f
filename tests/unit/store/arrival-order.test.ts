import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/main/store/db';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder } from '../../../src/main/store/repos/folders';
import { storeBatch, type IncomingMessage } from '../../../src/main/store/ingest';
import { splitLocal } from '../../../src/main/store/threadFixes';
import type { ParsedMessage } from '../../../src/shared/types';

const DAY = 86_400_000;
const TEAM = new Set(['support@shop.example']);
const SUPPORT = { name: 'Support', address: 'support@shop.example' };
const ANN = { name: 'Ann', address: 'ann@customer.example' };
const BOB = { name: 'Bob', address: 'bob@customer.example' };

function setup(): { db: Db; accountId: number; inbox: number } {
  const db = openDb(':memory:');
  const accountId = addSupportAccount(db, SUPPORT.address);
  return { db, accountId, inbox: ensureFolder(db, accountId, 'INBOX', 'inbox').id };
}

function msg(id: string, subject: string, days: number, over: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: id,
    inReplyTo: null,
    references: [],
    subject,
    from: ANN,
    to: [SUPPORT],
    cc: [],
    date: Date.UTC(2026, 10, 2) + days * DAY,
    text: subject,
    html: null,
    snippet: subject,
    hasAttachments: false,
    attachments: [],
    ...over,
  };
}

const reply = (id: string, subject: string, days: number, parents: string[], from = SUPPORT): ParsedMessage =>
  msg(id, subject, days, { from, to: [ANN], inReplyTo: parents.at(-1) ?? null, references: parents });

/**
 * A small mailbox with every way a conversation holds together: reference headers (a reply and a
 * reply to it stored before their parent, one with In-Reply-To only; a chain of replies carrying
 * only In-Reply-To under a root that never arrived), headerless replies that
 * only the subject fallback ties in (one three days after the first, so only through the
 * other), the same subject from another customer, and a headerless "Re:" dated before the
 * message with its subject (it cannot answer it).
 */
const MAILBOX: ParsedMessage[] = [
  msg('zip@ann', 'Broken zipper', 0),
  reply('zip-answer@shop', 'Re: Broken zipper', 0.5, ['zip@ann']),
  msg('zip-re1@ann', 'Re: Broken zipper', 1),
  msg('zip-re2@ann', 'RE: broken zipper', 3.5),
  msg('bob-zip@bob', 'Broken zipper', 0.2, { from: BOB }),
  msg('bob-zip-re@bob', 'Re: Broken zipper', 0.4, { from: BOB }),
  msg('inv@ann', 'Invoice', 2),
  reply('inv-answer@shop', 'Re: Invoice', 2.1, ['inv@ann']),
  reply('inv-re@ann', 'Re: Invoice', 2.2, ['inv@ann', 'inv-answer@shop'], ANN),
  msg('inv-re2@shop', 'Re: Invoice', 2.3, { from: SUPPORT, to: [ANN], inReplyTo: 'inv-re@ann' }),
  msg('old-re@ann', 'Re: Old order', 0),
  msg('old@ann', 'Old order', 1),
  msg('hello@bob', 'Hello', 1.5, { from: BOB }),
  reply('size@ann', 'Re: Sizes', 4, ['size-root@list.example'], ANN),
  msg('size-answer@shop', 'Re: Sizes', 4.1, { from: SUPPORT, to: [ANN], inReplyTo: 'size@ann' }),
  msg('size-more@ann', 'Re: Sizes', 4.2, { inReplyTo: 'size-answer@shop' }),
];

const EXPECTED = [
  ['bob-zip-re@bob', 'bob-zip@bob'],
  ['hello@bob'],
  ['inv-answer@shop', 'inv-re2@shop', 'inv-re@ann', 'inv@ann'],
  ['old-re@ann'],
  ['old@ann'],
  ['size-answer@shop', 'size-more@ann', 'size@ann'],
  ['zip-answer@shop', 'zip-re1@ann', 'zip-re2@ann', 'zip@ann'],
];

/** Each conversation's key: its root's Message-ID, also one never stored (the original, for those the
 *  subject fallback joined). */
const EXPECTED_KEYS = {
  'bob-zip@bob': ['bob-zip-re@bob', 'bob-zip@bob'],
  'hello@bob': ['hello@bob'],
  'inv@ann': ['inv-answer@shop', 'inv-re2@shop', 'inv-re@ann', 'inv@ann'],
  'old-re@ann': ['old-re@ann'],
  'old@ann': ['old@ann'],
  'size-root@list.example': ['size-answer@shop', 'size-more@ann', 'size@ann'],
  'zip@ann': ['zip-answer@shop', 'zip-re1@ann', 'zip-re2@ann', 'zip@ann'],
};

/** Each message keeps one UID whatever order it is stored in. */
const uids = new Map<ParsedMessage, number>();
function uidOf(parsed: ParsedMessage): number {
  if (!uids.has(parsed)) uids.set(parsed, uids.size + 1);
  return uids.get(parsed) ?? 0;
}

function incoming(accountId: number, folderId: number, parsed: ParsedMessage): IncomingMessage {
  return { accountId, folderId, uid: uidOf(parsed), flags: [], raw: null, parsed };
}

/** Stores the mailbox in this order, cut into batches (each a transaction, as sync stores them). */
function storeInBatches(order: readonly ParsedMessage[], cuts: readonly boolean[]): Db {
  const { db, accountId, inbox } = setup();
  let batch: IncomingMessage[] = [];
  order.forEach((m, i) => {
    batch.push(incoming(accountId, inbox, m));
    if (cuts[i] === true || i === order.length - 1) {
      storeBatch(db, batch, TEAM);
      batch = [];
    }
  });
  return db;
}

/** Which messages belong together: sorted groups of Message-IDs, one per thread. */
function partition(db: Db): string[][] {
  const rows = db.prepare('SELECT thread_id, message_id FROM messages').all() as Array<{
    thread_id: number | null;
    message_id: string;
  }>;
  const groups = new Map<number | null, string[]>();
  for (const r of rows) groups.set(r.thread_id, [...(groups.get(r.thread_id) ?? []), r.message_id]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Each thread's key with its sorted Message-IDs. */
function keyed(db: Db): Record<string, string[]> {
  const rows = db
    .prepare('SELECT t.thread_key AS key, m.message_id AS id FROM threads t JOIN messages m ON m.thread_id = t.id')
    .all() as Array<{ key: string; id: string }>;
  const groups: Record<string, string[]> = {};
  for (const r of rows) groups[r.key] = [...(groups[r.key] ?? []), r.id].sort();
  return groups;
}

function threadCount(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM threads').get() as { n: number }).n;
}

const oldestFirst = [...MAILBOX].sort((a, b) => a.date - b.date);

describe('threads do not depend on the order mail is stored in', () => {
  it('oldest first gives the expected conversations', () => {
    const db = storeInBatches(oldestFirst, []);
    expect(partition(db)).toEqual(EXPECTED);
    expect(keyed(db)).toEqual(EXPECTED_KEYS);
    expect(threadCount(db)).toBe(EXPECTED.length);
  });

  it('a headerless reply stored before its original ends in the original conversation, keyed by it', () => {
    const original = msg('o@ann', 'Broken zipper', 0);
    const headerless = msg('r@ann', 'Re: Broken zipper', 1);
    for (const order of [
      [original, headerless],
      [headerless, original],
    ]) {
      const { db, accountId, inbox } = setup();
      for (const m of order)
        storeBatch(
          db,
          [{ accountId, folderId: inbox, uid: order.indexOf(m) + 1, flags: [], raw: null, parsed: m }],
          TEAM,
        );
      expect(partition(db)).toEqual([['o@ann', 'r@ann']]);
      expect(db.prepare('SELECT thread_key FROM threads').all()).toEqual([{ thread_key: 'o@ann' }]);
      expect(db.prepare("SELECT joined_by_subject FROM messages WHERE message_id = 'r@ann'").get()).toEqual({
        joined_by_subject: 1,
      });
    }
  });

  it('newest first, and every way of cutting that into batches, gives the same conversations and keys', () => {
    const newestFirst = [...oldestFirst].reverse();
    for (let cut = 0; cut < newestFirst.length; cut += 1) {
      const cuts = newestFirst.map((_, i) => i === cut);
      const db = storeInBatches(newestFirst, cuts);
      expect(partition(db)).toEqual(EXPECTED);
      expect(keyed(db)).toEqual(EXPECTED_KEYS);
    }
  });

  it('any arrival order, cut into batches anywhere, gives the same conversations with the same keys (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: MAILBOX.length, maxLength: MAILBOX.length }),
        fc.array(fc.boolean(), { minLength: MAILBOX.length, maxLength: MAILBOX.length }),
        (keys, cuts) => {
          const order = MAILBOX.map((m, i) => ({ m, k: keys[i]! }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.m);
          const db = storeInBatches(order, cuts);
          expect(partition(db)).toEqual(EXPECTED);
          expect(keyed(db)).toEqual(EXPECTED_KEYS);
          expect(threadCount(db)).toBe(EXPECTED.length);
        },
      ),
      { numRuns: 100, seed: 14 },
    );
  });

  it('a headerless reply split off by hand is not taken back in when more of the conversation arrives', () => {
    const { db, accountId, inbox } = setup();
    const store = (m: ParsedMessage, uid: number) =>
      storeBatch(db, [{ accountId, folderId: inbox, uid, flags: [], raw: null, parsed: m }], TEAM);
    store(msg('o@ann', 'Broken zipper', 0), 1);
    store(msg('r@ann', 'Re: Broken zipper', 1), 2);
    expect(partition(db)).toEqual([['o@ann', 'r@ann']]);
    splitLocal(db, accountId, { messageIds: ['r@ann'], newKey: 'r@ann', sourceKey: 'o@ann' }, TEAM, 0);
    store(reply('o-answer@shop', 'Re: Broken zipper', 0.5, ['o@ann']), 3);
    store(msg('o2@ann', 'Broken zipper', 0.9), 4);
    expect(partition(db)).toEqual([['o-answer@shop', 'o@ann'], ['o2@ann'], ['r@ann']]);
  });

  it('a reply between two originals of one subject from one customer joins the later, in any order (property)', () => {
    expect(keyed(storeInBatches(TWO_ORIGINALS, []))).toEqual(TWO_ORIGINALS_KEYS);
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: TWO_ORIGINALS.length, maxLength: TWO_ORIGINALS.length }),
        fc.array(fc.boolean(), { minLength: TWO_ORIGINALS.length, maxLength: TWO_ORIGINALS.length }),
        (keys, cuts) => {
          const order = TWO_ORIGINALS.map((m, i) => ({ m, k: keys[i]! }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.m);
          const db = storeInBatches(order, cuts);
          expect(keyed(db)).toEqual(TWO_ORIGINALS_KEYS);
          expect(threadCount(db)).toBe(Object.keys(TWO_ORIGINALS_KEYS).length);
        },
      ),
      { numRuns: 100, seed: 14 },
    );
  });
});

/**
 * Ann writes "Order 5" twice within a day, then "Re: Order 5" without reference headers a day
 * later (the team answers it), and again 2.5 days after that: more than three days after her
 * second original, so only through the first reply. Stored oldest first, the reply goes with
 * the later original (policy/subject.ts: the most recently active conversation wins), and the
 * second reply follows it.
 */
const TWO_ORIGINALS: ParsedMessage[] = [
  msg('order@ann', 'Order 5', 10),
  msg('order-again@ann', 'Order 5', 11),
  msg('order-re@ann', 'Re: Order 5', 12),
  reply('order-re-answer@shop', 'Re: Order 5', 12.2, ['order-re@ann']),
  msg('order-re2@ann', 'Re: Order 5', 14.5),
  msg('order-other@bob', 'Re: Order 5', 12.1, { from: BOB }),
];

const TWO_ORIGINALS_KEYS = {
  'order@ann': ['order@ann'],
  'order-again@ann': ['order-again@ann', 'order-re-answer@shop', 'order-re2@ann', 'order-re@ann'],
  'order-other@bob': ['order-other@bob'],
};
