import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/main/store/db';
import { loadMigrations, migrate } from '../../../src/main/store/migrate';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder } from '../../../src/main/store/repos/folders';
import { storeMessage } from '../../../src/main/store/ingest';
import { searchThreads } from '../../../src/main/store/repos/search';
import type { ParsedMessage } from '../../../src/shared/types';

const TEAM = new Set(['support@shop.example']);
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 2, 1); // 2024-03-01T00:00Z

interface World {
  db: Db;
  accountId: number;
  inbox: number;
  add: (id: string, over?: Partial<ParsedMessage>) => number;
  /** Keys (root Message-IDs) of the threads a query finds, newest first. */
  find: (query: string, limit?: number, offset?: number) => string[];
}

function msg(id: string, over: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: id,
    inReplyTo: null,
    references: [],
    subject: id,
    from: { name: 'Cara Diaz', address: 'cara@customer.example' },
    to: [{ name: 'Support', address: 'support@shop.example' }],
    cc: [],
    date: T0,
    text: '',
    html: null,
    snippet: '',
    hasAttachments: false,
    attachments: [],
    ...over,
  };
}

function world(db: Db = openDb(':memory:')): World {
  const accountId = addSupportAccount(db);
  const inbox = ensureFolder(db, accountId, 'INBOX', 'inbox').id;
  let uid = 0;
  const add = (id: string, over: Partial<ParsedMessage> = {}): number => {
    uid += 1;
    const thread = storeMessage(
      db,
      { accountId, folderId: inbox, uid, flags: [], raw: null, parsed: msg(id, over) },
      TEAM,
    );
    if (thread === null) throw new Error(`message ${id} was not stored`);
    return thread;
  };
  // Every query runs under both plans (sort the few hits / walk threads newest first); they must agree.
  const find = (query: string, limit = 50, offset = 0): string[] => {
    const [sorted, walked] = [Number.MAX_SAFE_INTEGER, 0].map((walkAboveHits) => {
      const result = searchThreads(db, accountId, query, { limit, offset, tzOffsetMinutes: 0, walkAboveHits });
      if ('error' in result) throw new Error(result.error.message);
      return result.map((t) => t.key);
    });
    expect(walked, `both plans for ${query}`).toEqual(sorted);
    return sorted ?? [];
  };
  return { db, accountId, inbox, add, find };
}

describe('search: what is indexed', () => {
  it('finds words in subject, body, sender and recipients, folding case and accents', () => {
    const w = world();
    w.add('s', { subject: 'Broken Pedal', date: T0 + 1 });
    w.add('b', { text: 'The café delivery was late', date: T0 + 2 });
    w.add('f', { from: { name: 'Zoë Brandt', address: 'zoe@brandt.example' }, date: T0 + 3 });
    w.add('t', { to: [{ name: 'Quentin', address: 'q@shop.example' }], date: T0 + 4 });
    w.add('c', { cc: [{ name: 'Ursula', address: 'ursula@partner.example' }], date: T0 + 5 });
    expect(w.find('pedal')).toEqual(['s']);
    expect(w.find('CAFE')).toEqual(['b']);
    expect(w.find('zoe')).toEqual(['f']);
    expect(w.find('brandt.example')).toEqual(['f']);
    expect(w.find('quentin')).toEqual(['t']);
    expect(w.find('partner')).toEqual(['c']);
    expect(w.find('nothing-like-this')).toEqual([]);
  });

  it('finds a body filled in after the headers, and forgets the text it replaced', () => {
    const w = world();
    w.add('headers-first', { text: '' });
    expect(w.find('warranty')).toEqual([]);
    w.db
      .prepare("UPDATE messages SET body_text = 'Is the frame under warranty?' WHERE message_id = ?")
      .run('headers-first');
    expect(w.find('warranty')).toEqual(['headers-first']);
    w.db.prepare("UPDATE messages SET body_text = 'Never mind' WHERE message_id = ?").run('headers-first');
    expect(w.find('warranty')).toEqual([]);
    expect(w.find('never mind')).toEqual(['headers-first']);
  });

  it('forgets deleted messages and follows messages into a merged thread', () => {
    const w = world();
    w.add('gone', { text: 'expunged words' });
    w.add('kept', { text: 'merged words', date: T0 + DAY });
    w.db.prepare("DELETE FROM messages WHERE message_id = 'gone'").run();
    expect(w.find('expunged')).toEqual([]);
    // Thread merge (moveMessages) changes only thread_id; the index must still point right.
    const survivor = w.add('survivor', { date: T0 });
    w.db.prepare("UPDATE messages SET thread_id = ? WHERE message_id = 'kept'").run(survivor);
    w.db.prepare('UPDATE threads SET message_count = 2, last_message_at = ? WHERE id = ?').run(T0 + DAY, survivor);
    expect(w.find('merged')).toEqual(['survivor']);
  });

  it('keeps flag and state updates out of the index work (trigger only on indexed columns)', () => {
    const w = world();
    w.add('flagged', { text: 'steady' });
    const before = w.db.prepare('SELECT COUNT(*) AS n FROM messages_fts_data').get() as { n: number };
    w.db.prepare(`UPDATE messages SET flags = '["\\\\Seen"]'`).run();
    const after = w.db.prepare('SELECT COUNT(*) AS n FROM messages_fts_data').get() as { n: number };
    expect(after.n).toBe(before.n);
    expect(w.find('steady')).toEqual(['flagged']);
  });
});

describe('search: operators', () => {
  function people(): World {
    const w = world();
    w.add('bob', { from: { name: 'Bob Stone', address: 'bob@acme.example' }, date: T0 + 3 });
    w.add('ann', { from: { name: 'Ann', address: 'ann@bob.acme.example.org' }, date: T0 + 2 });
    w.add('to-bob', {
      from: { name: 'Support', address: 'support@shop.example' },
      to: [{ name: 'Somebody', address: 'x@elsewhere.example' }],
      cc: [{ name: 'Bob Stone', address: 'bob@acme.example' }],
      date: T0 + 1,
    });
    return w;
  }

  it('from: matches a name, a whole address or a domain, and not a lookalike', () => {
    const w = people();
    expect(w.find('from:bob@acme.example')).toEqual(['bob']);
    expect(w.find('from:acme.example')).toEqual(['bob']);
    expect(w.find('from:acme.example.org')).toEqual(['ann']);
    expect(w.find('from:"Bob Stone"')).toEqual(['bob']);
    expect(w.find('from:stone')).toEqual(['bob']);
    expect(w.find('from:BOB')).toEqual(['bob', 'ann']);
    expect(w.find('from:Bob@Acme.Example')).toEqual(['bob']);
    expect(w.find('from:bob@acme.exa*')).toEqual(['bob']);
    expect(w.find('from:example.org')).toEqual(['ann']);
  });

  it('to: covers To and Cc', () => {
    const w = people();
    w.add('to-lookalike', { to: [{ name: '', address: 'bob@acme.example.org' }], date: T0 });
    expect(w.find('to:bob@acme.example')).toEqual(['to-bob']);
    expect(w.find('to:elsewhere.example')).toEqual(['to-bob']);
    expect(w.find('to:support')).toEqual(['bob', 'ann']);
  });

  it('negates words, phrases and operators, alone or with other terms', () => {
    const w = people();
    expect(w.find('-from:bob@acme.example')).toEqual(['ann', 'to-bob']);
    expect(w.find('-from:bob')).toEqual(['to-bob']);
    expect(w.find('acme -from:stone')).toEqual(['ann', 'to-bob']);
    expect(w.find('-"Bob Stone"')).toEqual(['ann']);
  });

  it('OR matches either side, also across operators', () => {
    const w = world();
    w.add('refund', { text: 'a refund please', date: T0 + 3 });
    w.add('return', { text: 'a return label', date: T0 + 2 });
    w.add('file', { hasAttachments: true, date: T0 + 1 });
    expect(w.find('refund OR return')).toEqual(['refund', 'return']);
    expect(w.find('has:attachment OR refund')).toEqual(['refund', 'file']);
    expect(w.find('label OR -refund')).toEqual(['return', 'file']);
    expect(w.find('please OR from:cara@customer.example')).toEqual(['refund', 'return', 'file']);
  });

  it('phrases keep word order; a trailing * searches a prefix', () => {
    const w = world();
    w.add('order', { text: 'the delivery was late', date: T0 + 2 });
    w.add('shuffled', { text: 'late for the delivery', date: T0 + 1 });
    expect(w.find('"delivery was late"')).toEqual(['order']);
    expect(w.find('delivery late')).toEqual(['order', 'shuffled']);
    expect(w.find('deliv*')).toEqual(['order', 'shuffled']);
    expect(w.find('deliv')).toEqual([]);
  });

  it('after: is inclusive and before: exclusive, in the given time zone', () => {
    const w = world();
    w.add('feb29-late', { date: Date.UTC(2024, 1, 29, 23, 30) });
    w.add('mar1-start', { date: Date.UTC(2024, 2, 1, 0, 0) });
    w.add('mar1-end', { date: Date.UTC(2024, 2, 1, 23, 59) });
    w.add('mar2-start', { date: Date.UTC(2024, 2, 2, 0, 0) });
    expect(w.find('after:2024-03-01 before:2024-03-02')).toEqual(['mar1-end', 'mar1-start']);
    expect(w.find('before:2024-03-01')).toEqual(['feb29-late']);
    expect(w.find('-after:2024-03-02')).toEqual(['mar1-end', 'mar1-start', 'feb29-late']);
    // In UTC+1, 2024-03-01 starts at 23:00 UTC on Feb 29.
    const plusOne = searchThreads(w.db, w.accountId, 'after:2024-03-01 before:2024-03-02', {
      limit: 10,
      tzOffsetMinutes: 60,
    });
    expect(Array.isArray(plusOne) && plusOne.map((t) => t.key)).toEqual(['mar1-start', 'feb29-late']);
  });

  it('has:attachment looks at the message, combined with text', () => {
    const w = world();
    w.add('with', { hasAttachments: true, text: 'invoice attached', date: T0 + 2 });
    w.add('without', { text: 'invoice follows', date: T0 + 1 });
    expect(w.find('has:attachment')).toEqual(['with']);
    expect(w.find('invoice -has:attachment')).toEqual(['without']);
  });

  it('is: and owner: look at the thread team state and due time', () => {
    const w = world();
    w.add('mine', { text: 'refund please', date: T0 + 3 });
    w.add('free', { text: 'refund now', date: T0 + 2 });
    w.add('done', { text: 'refund done', date: T0 + 1 });
    const idOf = (key: string) =>
      (w.db.prepare('SELECT thread_id FROM messages WHERE message_id = ?').get(key) as { thread_id: number }).thread_id;
    const team = w.db.prepare(
      'INSERT INTO thread_team (thread_id, team_key, owner, status, status_at) VALUES (?, ?, ?, ?, ?)',
    );
    team.run(idOf('mine'), 'mine', 'bob@acme.example', 'open', null);
    team.run(idOf('done'), 'done', null, 'closed', T0 + 10);
    w.db.prepare('UPDATE threads SET due_at = ? WHERE id = ?').run(T0, idOf('free'));
    const find = (q: string) => {
      const r = searchThreads(w.db, w.accountId, q, { limit: 10, now: T0 + 5, me: 'bob@acme.example' });
      return 'error' in r ? r : r.map((t) => t.key);
    };
    expect(find('owner:me')).toEqual(['mine']);
    expect(find('owner:bob')).toEqual(['mine']);
    expect(find('refund is:unassigned')).toEqual(['free', 'done']);
    expect(find('refund -is:closed')).toEqual(['mine', 'free']);
    expect(find('is:closed')).toEqual(['done']);
    expect(find('is:overdue')).toEqual(['free']);
    expect(find('refund OR owner:bob')).toEqual(['mine', 'free', 'done']);
  });

  it('a bad operator value comes back as the parser error', () => {
    const w = world();
    expect(searchThreads(w.db, w.accountId, 'before:2024-02-31', { limit: 10 })).toMatchObject({
      error: { code: 'bad-value', operator: 'before:' },
    });
  });
});

describe('search: results', () => {
  it('returns each thread once, newest activity first, paged by limit and offset', () => {
    const w = world();
    w.add('root', { text: 'bicycle', date: T0 });
    w.add('reply', { text: 'bicycle again', date: T0 + 5 * DAY, inReplyTo: 'root', references: ['root'] });
    w.add('middle', { text: 'bicycle', date: T0 + 2 * DAY });
    w.add('old', { text: 'bicycle', date: T0 - DAY });
    expect(w.find('bicycle')).toEqual(['root', 'middle', 'old']);
    expect(w.find('bicycle', 2)).toEqual(['root', 'middle']);
    expect(w.find('bicycle', 2, 2)).toEqual(['old']);
  });

  it('returns the thread summary shape', () => {
    const w = world();
    const id = w.add('shape', { subject: 'Wheel', text: 'spokes', snippet: 'spokes', date: T0 });
    const result = searchThreads(w.db, w.accountId, 'spokes', { limit: 1 });
    expect(result).toEqual([
      {
        id,
        key: 'shape',
        subject: 'Wheel',
        snippet: 'spokes',
        from: { name: 'Cara Diaz', address: 'cara@customer.example' },
        lastMessageAt: T0,
        messageCount: 1,
        hasAttachments: false,
      },
    ]);
  });

  it('an empty query lists threads newest first', () => {
    const w = world();
    w.add('older', { date: T0 });
    w.add('newer', { date: T0 + DAY });
    expect(w.find('')).toEqual(['newer', 'older']);
    expect(w.find('  *  ')).toEqual(['newer', 'older']);
  });

  it("never shows another account's mail", () => {
    const w = world();
    w.add('mine', { text: 'shared word' });
    const other = addSupportAccount(w.db, 'info@other.example');
    const folder = ensureFolder(w.db, other, 'INBOX', 'inbox').id;
    storeMessage(
      w.db,
      {
        accountId: other,
        folderId: folder,
        uid: 1,
        flags: [],
        raw: null,
        parsed: msg('theirs', { text: 'shared word' }),
      },
      TEAM,
    );
    expect(w.find('shared')).toEqual(['mine']);
    expect(w.find('-nothing')).toEqual(['mine']);
  });

  it.each(
    [
      '"',
      '"""',
      '*',
      'a*b*',
      'NEAR(a b)',
      'NEAR',
      'a AND OR NOT b',
      'x NOT y',
      ':',
      'sender:x',
      '{sender}: x',
      'body : x',
      'from:"a"b"',
      'from:x"y',
      '-"',
      '^start',
      '(a OR b) c',
      'a + b',
      "'; DROP TABLE messages; --",
      'from:@x',
      'to:x@',
      '🚲*',
      '\u0000',
      'a'.repeat(5000),
      'OR OR OR',
      '-OR',
      'café* -"naïve" OR from:zoë',
    ].map((q) => [q.length > 40 ? `${q.slice(0, 12)}… (${q.length} chars)` : q, q]),
  )('hostile input %j never reaches SQLite as syntax', (_label, query) => {
    const w = world();
    w.add('a', { text: 'plain text NEAR the start' });
    expect(() => searchThreads(w.db, w.accountId, query, { limit: 10 })).not.toThrow();
  });

  it('FTS5 syntax typed by the user is searched as words', () => {
    const w = world();
    w.add('near', { text: 'Typed as is: NEAR(parked shop) AND more', date: T0 + 1 });
    w.add('other', { text: 'far away', date: T0 });
    expect(w.find('NEAR(parked shop)')).toEqual(['near']);
    expect(w.find('"shop AND more"')).toEqual(['near']);
    expect(w.find('body:far')).toEqual([]);
  });
});

describe('migration 003_search', () => {
  it('indexes messages stored before it ran', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations, 2);
    // Rows written as version 2 wrote them (today's store code expects later columns).
    db.exec(`
      INSERT INTO accounts (id, address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, user, secret_ref, created_at)
        VALUES (1, 'support@shop.example', 'h', 1, 'none', 'h', 1, 'none', 'u', 'r', 0);
      INSERT INTO folders (id, account_id, path) VALUES (1, 1, 'INBOX');
      INSERT INTO threads (id, account_id, thread_key, first_message_at, last_message_at, message_count) VALUES (1, 1, 'before-fts', 1, 1, 1);
      INSERT INTO messages (account_id, folder_id, uid, thread_id, message_id, date, body_text, to_json, cc_json)
        VALUES (1, 1, 1, 1, 'before-fts', 1, 'backfilled words', 'not json', '[{"name":"Vera","address":"vera@cc.example"}]');
      INSERT INTO messages (account_id, folder_id, uid, thread_id, message_id, date, body_text, cc_json)
        VALUES (1, 1, 2, 1, 'before-fts-2', 2, 'other', '[{"name":"Wim","address":"wim@cc.example"}]');
    `);
    migrate(db, migrations);
    const found = (q: string) =>
      (
        db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').all(q) as Array<{
          rowid: number;
        }>
      ).map((r) => r.rowid);
    expect(found('backfilled')).toEqual([1]);
    expect(found('recipients:vera')).toEqual([1]);
    expect(found('recipients:wim')).toEqual([2]);
  });
});
