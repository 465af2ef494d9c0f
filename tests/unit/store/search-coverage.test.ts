import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/main/store/db';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder, noteServerCount, saveFolderState } from '../../../src/main/store/repos/folders';
import { searchCoverage } from '../../../src/main/store/repos/searchCoverage';
import { searchThreads } from '../../../src/main/store/repos/search';
import { storeBatch, storeBodies, type IncomingMessage } from '../../../src/main/store/ingest';
import { indexingNotice } from '../../../src/shared/searchCoverage';
import type { ParsedMessage } from '../../../src/shared/types';

const TEAM = new Set(['support@shop.example']);
const T0 = Date.UTC(2024, 2, 1);

function parsed(uid: number, text: string): ParsedMessage {
  return {
    messageId: `m${uid}@customer.example`,
    inReplyTo: null,
    references: [],
    subject: `Question ${uid}`,
    from: { name: 'Cara Diaz', address: 'cara@customer.example' },
    to: [{ name: 'Support', address: 'support@shop.example' }],
    cc: [],
    date: T0 + uid * 60_000,
    text,
    html: null,
    snippet: text,
    hasAttachments: false,
    attachments: [],
  };
}

/** Headers only, as the header phase stores them: the body is still to come. */
function headerOnly(accountId: number, folderId: number, uid: number): IncomingMessage {
  return {
    accountId,
    folderId,
    uid,
    flags: [],
    raw: null,
    parsed: parsed(uid, ''),
    bodyState: 'pending',
  };
}

function rowIdOf(db: Db, folderId: number, uid: number): number {
  const row = db.prepare('SELECT id FROM messages WHERE folder_id = ? AND uid = ?').get(folderId, uid) as {
    id: number;
  };
  return row.id;
}

describe('search coverage', () => {
  it('counts a first sync part-way: pending bodies and messages not fetched yet are not searchable', () => {
    const db = openDb(':memory:');
    const accountId = addSupportAccount(db);
    expect(searchCoverage(db, accountId)).toEqual({ searchable: 0, total: 0, indexing: true }); // no pass yet
    const inbox = ensureFolder(db, accountId, 'INBOX', 'inbox').id;
    ensureFolder(db, accountId, 'Promptly Team Log', 'team-log');
    noteServerCount(db, inbox, 5); // SELECT said 5; nothing fetched yet
    expect(searchCoverage(db, accountId)).toEqual({ searchable: 0, total: 5, indexing: true });

    storeBatch(
      db,
      [4, 5].map((uid) => headerOnly(accountId, inbox, uid)),
      TEAM,
    );
    expect(searchCoverage(db, accountId)).toEqual({ searchable: 0, total: 5, indexing: true });
    storeBodies(db, [
      { messageRowId: rowIdOf(db, inbox, 5), raw: Buffer.from('x'), parsed: parsed(5, 'zebra crossing') },
    ]);
    const partWay = searchCoverage(db, accountId);
    expect(partWay).toEqual({ searchable: 1, total: 5, indexing: true });
    expect(indexingNotice(partWay)).toBe(
      'Still indexing: 1 of 5 messages is searchable so far. Results may be missing.',
    );
    // What the coverage says matches what search finds: the body that arrived, not the pending one.
    const found = searchThreads(db, accountId, 'Question', { limit: 10 });
    expect(Array.isArray(found) && found.map((t) => t.subject)).toEqual(['Question 5']);
  });

  it('stops saying it once every message of a completed pass is in the index', () => {
    const db = openDb(':memory:');
    const accountId = addSupportAccount(db);
    const inbox = ensureFolder(db, accountId, 'INBOX', 'inbox').id;
    noteServerCount(db, inbox, 2);
    storeBatch(
      db,
      [1, 2].map((uid) => headerOnly(accountId, inbox, uid)),
      TEAM,
    );
    saveFolderState(db, inbox, { uidvalidity: '1', uidnext: 3, highestmodseq: null, at: T0, serverCount: 2 });
    // The pass completed but the bodies are a backlog: still indexing.
    expect(searchCoverage(db, accountId)).toEqual({ searchable: 0, total: 2, indexing: true });
    storeBodies(
      db,
      [1, 2].map((uid) => ({
        messageRowId: rowIdOf(db, inbox, uid),
        raw: Buffer.from('x'),
        parsed: parsed(uid, 'hi'),
      })),
    );
    const done = searchCoverage(db, accountId);
    expect(done).toEqual({ searchable: 2, total: 2, indexing: false });
    expect(indexingNotice(done)).toBeNull();
  });

  it('counts a message stored with its body at once (no header phase) as searchable', () => {
    const db = openDb(':memory:');
    const accountId = addSupportAccount(db);
    const inbox = ensureFolder(db, accountId, 'INBOX', 'inbox').id;
    noteServerCount(db, inbox, 20_000);
    storeBatch(
      db,
      [{ ...headerOnly(accountId, inbox, 20_000), parsed: parsed(20_000, 'hello'), bodyState: 'done' }],
      TEAM,
    );
    const coverage = searchCoverage(db, accountId);
    expect(coverage).toEqual({ searchable: 1, total: 20_000, indexing: true });
    expect(indexingNotice(coverage)).toBe(
      'Still indexing: 1 of 20,000 messages is searchable so far. Results may be missing.',
    );
    expect(indexingNotice({ searchable: 12_400, total: 20_000, indexing: true })).toBe(
      'Still indexing: 12,400 of 20,000 messages are searchable so far. Results may be missing.',
    );
  });
});
