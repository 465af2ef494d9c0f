import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage, snippetOf } from '../../src/main/mail/parse';
import { openDb } from '../../src/main/store/db';
import { addSupportAccount } from '../support/storeAccount';
import { ensureFolder } from '../../src/main/store/repos/folders';
import { storeMessage } from '../../src/main/store/ingest';

const CORPUS = join(import.meta.dirname, '../fixtures/real-world-mail');

function emlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return emlFiles(path);
    return name.endsWith('.eml') ? [path] : [];
  });
}

describe('real-world corpus', () => {
  const files = emlFiles(CORPUS);

  it('has the corpus in the repository', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('every message parses or is kept raw, and all are stored without stopping', async () => {
    const db = openDb(':memory:');
    const accountId = addSupportAccount(db);
    const folder = ensureFolder(db, accountId, 'INBOX', 'inbox');
    let uid = 0;
    for (const file of files) {
      const raw = readFileSync(file);
      const parsed = await parseMessage(raw, 42);
      uid += 1;
      storeMessage(
        db,
        {
          accountId,
          folderId: folder.id,
          uid,
          flags: [],
          raw,
          parsed: parsed.ok ? parsed.message : { error: parsed.error, date: 42 },
        },
        new Set(),
      );
      if (parsed.ok) {
        expect(parsed.message.messageId, relative(CORPUS, file)).toMatch(/@/);
        expect(Number.isFinite(parsed.message.date)).toBe(true);
        expect(parsed.message.snippet.length).toBeLessThanOrEqual(160);
      }
    }
    const stored = db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number };
    expect(stored.n).toBe(files.length);
  });

  it('a message without a date falls back to the server date; without Message-ID gets a stable one', async () => {
    const raw = Buffer.from('From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n');
    const first = await parseMessage(raw, 1234);
    const second = await parseMessage(raw, 999);
    expect(first.ok && first.message.date).toBe(1234);
    expect(first.ok && first.message.messageId).toMatch(/@promptly\.invalid$/);
    expect(first.ok && second.ok && first.message.messageId === second.message.messageId).toBe(true);
  });

  it('an HTML-only message gets readable text without tags or scripts', async () => {
    const raw = Buffer.from(
      'From: a@b.example\r\nMessage-ID: <h@b.example>\r\nContent-Type: text/html\r\n\r\n<p>Hello <b>there</b></p><script>alert(1)</script><p>Bye</p>\r\n',
    );
    const parsed = await parseMessage(raw, 0);
    expect(parsed.ok && parsed.message.text).toMatch(/^Hello there\s+Bye$/);
  });
});

describe('snippetOf', () => {
  it('drops quoted text and signatures', () => {
    expect(snippetOf('Thanks!\n\nOn Mon, Bob wrote:\n> old text')).toBe('Thanks!');
    expect(snippetOf('Hi\n-- \nAlice, Acme')).toBe('Hi');
    expect(snippetOf('x'.repeat(300))).toHaveLength(160);
  });
});
