import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/main/store/db';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder } from '../../../src/main/store/repos/folders';
import { storeMessage } from '../../../src/main/store/ingest';
import { listThreads } from '../../../src/main/store/repos/threads';
import { listThreadMessages } from '../../../src/main/store/repos/messages';
import { listParticipants } from '../../../src/main/store/repos/participants';
import type { ParsedMessage } from '../../../src/shared/types';

function setup(): { db: Db; accountId: number; inbox: number; sent: number } {
  const db = openDb(':memory:');
  const accountId = addSupportAccount(db);
  return {
    db,
    accountId,
    inbox: ensureFolder(db, accountId, 'INBOX', 'inbox').id,
    sent: ensureFolder(db, accountId, 'Sent', 'sent').id,
  };
}

function msg(id: string, over: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: id,
    inReplyTo: null,
    references: [],
    subject: 'Order 1234',
    from: { name: 'Cara', address: 'cara@customer.example' },
    to: [{ name: '', address: 'support@shop.example' }],
    cc: [],
    date: 1000,
    text: 'hello',
    html: null,
    snippet: 'hello',
    hasAttachments: false,
    attachments: [],
    ...over,
  };
}

const TEAM = new Set(['support@shop.example']);

describe('storeMessage', () => {
  it('puts a reply into its parent thread and updates the summary', () => {
    const { db, accountId, inbox, sent } = setup();
    const t1 = storeMessage(
      db,
      { accountId, folderId: inbox, uid: 1, flags: [], raw: Buffer.from(''), parsed: msg('a@c') },
      TEAM,
    );
    const t2 = storeMessage(
      db,
      {
        accountId,
        folderId: sent,
        uid: 1,
        flags: [],
        raw: Buffer.from(''),
        parsed: msg('b@s', {
          inReplyTo: 'a@c',
          references: ['a@c'],
          date: 2000,
          from: { name: 'Support', address: 'support@shop.example' },
          snippet: 'we are on it',
        }),
      },
      TEAM,
    );
    expect(t2).toBe(t1);
    const [thread] = listThreads(db, accountId, 10, 0);
    expect(thread).toMatchObject({
      key: 'a@c',
      messageCount: 2,
      snippet: 'we are on it',
      lastMessageAt: 2000,
      subject: 'Order 1234',
    });
    expect(listThreadMessages(db, t1!).map((m) => [m.messageId, m.fromTeam])).toEqual([
      ['a@c', false],
      ['b@s', true],
    ]);
    expect(listParticipants(db, t1!).map((p) => [p.address, p.isTeam])).toEqual([
      ['cara@customer.example', false],
      ['support@shop.example', true],
    ]);
  });

  it('keeps a CC reply that arrives before its parent in the same thread (phantom parent)', () => {
    const { db, accountId, inbox } = setup();
    const child = storeMessage(
      db,
      {
        accountId,
        folderId: inbox,
        uid: 2,
        flags: [],
        raw: Buffer.from(''),
        parsed: msg('c@cc', {
          inReplyTo: 'a@c',
          references: ['a@c'],
          from: { name: 'Dan', address: 'dan@customer.example' },
        }),
      },
      TEAM,
    );
    const parent = storeMessage(
      db,
      { accountId, folderId: inbox, uid: 1, flags: [], raw: Buffer.from(''), parsed: msg('a@c') },
      TEAM,
    );
    expect(parent).toBe(child);
    expect(listThreads(db, accountId, 10, 0)).toHaveLength(1);
  });

  it('merges two threads when a message bridges them, keeping the root key', () => {
    const { db, accountId, inbox } = setup();
    const root = storeMessage(
      db,
      { accountId, folderId: inbox, uid: 1, flags: [], raw: Buffer.from(''), parsed: msg('root@x') },
      TEAM,
    );
    storeMessage(
      db,
      {
        accountId,
        folderId: inbox,
        uid: 2,
        flags: [],
        raw: Buffer.from(''),
        parsed: msg('grandchild@x', { inReplyTo: 'child@x', references: ['child@x'] }),
      },
      TEAM,
    );
    expect(listThreads(db, accountId, 10, 0)).toHaveLength(2);
    const merged = storeMessage(
      db,
      {
        accountId,
        folderId: inbox,
        uid: 3,
        flags: [],
        raw: Buffer.from(''),
        parsed: msg('child@x', { inReplyTo: 'root@x', references: ['root@x'] }),
      },
      TEAM,
    );
    expect(merged).toBe(root);
    const threads = listThreads(db, accountId, 10, 0);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ key: 'root@x', messageCount: 3 });
  });

  it('never stores the same folder/UID twice', () => {
    const { db, accountId, inbox } = setup();
    const first = storeMessage(
      db,
      { accountId, folderId: inbox, uid: 1, flags: [], raw: Buffer.from(''), parsed: msg('a@c') },
      TEAM,
    );
    const again = storeMessage(
      db,
      { accountId, folderId: inbox, uid: 1, flags: [], raw: Buffer.from(''), parsed: msg('a@c') },
      TEAM,
    );
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    expect(listThreads(db, accountId, 10, 0)[0]?.messageCount).toBe(1);
  });

  it('keeps an unreadable message raw, with its error, outside any thread', () => {
    const { db, accountId, inbox } = setup();
    const t = storeMessage(
      db,
      {
        accountId,
        folderId: inbox,
        uid: 9,
        flags: [],
        raw: Buffer.from('garbage'),
        parsed: { error: 'bad mime', date: 5 },
      },
      TEAM,
    );
    expect(t).toBeNull();
    const row = db.prepare('SELECT parse_error, raw FROM messages WHERE uid = 9').get() as {
      parse_error: string;
      raw: Buffer;
    };
    expect(row.parse_error).toBe('bad mime');
    expect(row.raw.toString()).toBe('garbage');
    expect(listThreads(db, accountId, 10, 0)).toHaveLength(0);
  });

  it('shows a message filed in both INBOX and Sent once', () => {
    const { db, accountId, inbox, sent } = setup();
    storeMessage(db, { accountId, folderId: inbox, uid: 1, flags: [], raw: Buffer.from(''), parsed: msg('a@c') }, TEAM);
    const t = storeMessage(
      db,
      { accountId, folderId: sent, uid: 1, flags: [], raw: Buffer.from(''), parsed: msg('a@c') },
      TEAM,
    );
    expect(listThreadMessages(db, t!)).toHaveLength(1);
    expect(listThreads(db, accountId, 10, 0)[0]?.messageCount).toBe(1);
  });
});

describe('subject fallback in the store', () => {
  it('a headerless "Re:" from the same customer within a week joins the thread; from someone else it does not', () => {
    const { db, accountId, inbox } = setup();
    const t = storeMessage(
      db,
      { accountId, folderId: inbox, uid: 1, flags: [], raw: null, parsed: msg('a@c', { subject: 'Broken spoke' }) },
      TEAM,
    );
    const same = storeMessage(
      db,
      {
        accountId,
        folderId: inbox,
        uid: 2,
        flags: [],
        raw: null,
        parsed: msg('b@c', { subject: 'RE: Broken spoke', date: 5000 }),
      },
      TEAM,
    );
    const other = storeMessage(
      db,
      {
        accountId,
        folderId: inbox,
        uid: 3,
        flags: [],
        raw: null,
        parsed: msg('c@c', { subject: 'Re: Broken spoke', from: { name: 'X', address: 'x@else.example' } }),
      },
      TEAM,
    );
    const late = storeMessage(
      db,
      {
        accountId,
        folderId: inbox,
        uid: 4,
        flags: [],
        raw: null,
        parsed: msg('d@c', { subject: 'Re: Broken spoke', date: 1000 + 8 * 86_400_000 }),
      },
      TEAM,
    );
    expect(same).toBe(t);
    expect(other).not.toBe(t);
    expect(late).not.toBe(t);
  });
});
