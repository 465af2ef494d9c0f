import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/main/store/db';
import { holdIndexMerges, resumeIndexMerges } from '../../../src/main/store/repos/searchIndex';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder } from '../../../src/main/store/repos/folders';
import { searchThreads } from '../../../src/main/store/repos/search';
import { storeBatch, type IncomingMessage } from '../../../src/main/store/ingest';
import type { ParsedMessage } from '../../../src/shared/types';

const TEAM = new Set(['support@shop.example']);
const T0 = Date.UTC(2024, 2, 1);

function setup(): { db: Db; accountId: number; inbox: number } {
  const db = openDb(':memory:');
  const accountId = addSupportAccount(db);
  return { db, accountId, inbox: ensureFolder(db, accountId, 'INBOX', 'inbox').id };
}

function message(
  accountId: number,
  folderId: number,
  uid: number,
  body: IncomingMessage['bodyState'],
  words = '',
): IncomingMessage {
  const parsed: ParsedMessage = {
    messageId: `m${uid}@customer.example`,
    inReplyTo: uid > 1 ? `m${uid - 1}@customer.example` : null,
    references: uid > 1 ? [`m${uid - 1}@customer.example`] : [],
    subject: `Wheel ${uid}`,
    from: { name: 'Cara Diaz', address: 'cara@customer.example' },
    to: [{ name: 'Support', address: 'support@shop.example' }],
    cc: [],
    date: T0 + uid * 60_000,
    text: body === 'pending' ? '' : `spoke number${uid}${words}`,
    html: null,
    snippet: '',
    hasAttachments: false,
    attachments: [],
  };
  return { accountId, folderId, uid, flags: [], raw: null, parsed, bodyState: body };
}

/** Rows of FTS5's segment store: one or a few per batch, hundreds when every message flushes its own. */
const segmentRows = (db: Db): number =>
  (db.prepare('SELECT count(*) AS n FROM messages_fts_data').get() as { n: number }).n;

describe('a stored batch is indexed in one write', () => {
  it('makes every message of the batch searchable, leaves the ones waiting for a body out, and writes few segments', () => {
    const { db, accountId, inbox } = setup();
    // No merging, so the segments written are the segments counted.
    db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 0)").run();
    db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('crisismerge', 1000)").run();
    const empty = segmentRows(db);
    const batch = Array.from({ length: 300 }, (_, i) => message(accountId, inbox, i + 1, i < 290 ? 'done' : 'pending'));
    storeBatch(db, batch, TEAM);
    const found = (q: string): number => {
      const r = searchThreads(db, accountId, q, { limit: 10 });
      return Array.isArray(r) ? r.length : -1;
    };
    expect(found('number17')).toBe(1);
    expect(found('number290')).toBe(1);
    expect(found('"Wheel 295"')).toBe(0); // waiting for its body
    const docs = db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'spoke'").get() as {
      n: number;
    };
    expect(docs.n).toBe(290);
    // Indexed message by message, this batch left about one segment per message behind.
    expect(segmentRows(db) - empty).toBeLessThan(20);
    expect(() =>
      db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 0)").run(),
    ).not.toThrow();
  });

  it('indexes a message that could not be read from its header fields, and a stored batch twice adds nothing', () => {
    const { db, accountId, inbox } = setup();
    const unreadable: IncomingMessage = {
      ...message(accountId, inbox, 1, 'done'),
      bodyError: 'Its structure could not be read.',
    };
    storeBatch(db, [unreadable, message(accountId, inbox, 2, 'done')], TEAM);
    storeBatch(db, [unreadable, message(accountId, inbox, 2, 'done')], TEAM);
    const hits = db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'wheel' ORDER BY rowid").all();
    expect(hits).toHaveLength(2);
    expect(() =>
      db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 0)").run(),
    ).not.toThrow();
  });
});

/** The index's merge setting as FTS5 keeps it: undefined while it is FTS5's default. */
const automerge = (db: Db): number | undefined =>
  (db.prepare("SELECT v FROM messages_fts_config WHERE k = 'automerge'").get() as { v: number } | undefined)?.v;

/** FTS5's segments: a segment's pages are the rows from (segment id << 37) on. */
const segments = (db: Db): number =>
  (db.prepare('SELECT count(DISTINCT id >> 37) AS n FROM messages_fts_data WHERE id >> 37 > 0').get() as { n: number })
    .n;

/** The b-th batch of 200 messages with enough words that FTS5 merges as it writes (it does every 64 pages written). */
function wordyBatch(s: { accountId: number; inbox: number }, b: number): IncomingMessage[] {
  return Array.from({ length: 200 }, (_, i) => {
    const words = Array.from({ length: 60 }, (_, k) => ` w${b * 200 + i}x${k}`).join('');
    return message(s.accountId, s.inbox, b * 200 + i + 1, 'done', words);
  });
}

describe('merging held while a first sync writes', () => {
  it('leaves each batch its own segment while held, finds the same, and gives FTS5 its merging back', () => {
    const held = setup();
    const merging = setup();
    holdIndexMerges(held.db);
    for (let b = 0; b < 12; b++) {
      for (const s of [held, merging]) {
        storeBatch(s.db, wordyBatch(s, b), TEAM);
      }
    }
    expect(segments(held.db)).toBe(12);
    expect(segments(merging.db)).toBeLessThan(9);
    for (const q of ['spoke', 'number7', 'cara', '"Wheel 200"', 'number2399']) {
      const r = (db: Db): unknown =>
        db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').all(q);
      expect(r(held.db)).toEqual(r(merging.db));
    }
    resumeIndexMerges(held.db);
    expect(automerge(held.db)).toBe(4);
    resumeIndexMerges(merging.db); // not held: nothing written
    expect(automerge(merging.db)).toBeUndefined();
  });

  it('is given back when the database opens after a sync that never ended', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'promptly-merges-'));
    try {
      const file = path.join(dir, 'promptly.sqlite');
      const first = openDb(file);
      holdIndexMerges(first);
      expect(automerge(first)).toBe(0);
      first.close();
      const again = openDb(file);
      expect(automerge(again)).toBe(4);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
