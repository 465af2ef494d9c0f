import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../src/main/store/migrate';
import { openDb } from '../../../src/main/store/db';
import { tempDir } from '../../support/tempDir';

/**
 * Shipped migrations are append-only: a changed hash here means someone edited a migration
 * that users' databases already ran. Add a new numbered file instead, and its hash below.
 */
const SHIPPED: Record<number, string> = {
  1: 'ab4e9ed6',
  2: '34b9edde',
  3: 'd5fe901d',
  4: '25e7783c',
  5: 'f6194925',
  6: '7e051089',
  7: '55e46ae0',
  8: '20a8b15d',
  9: '0e7077ce',
  10: '58078d27',
  11: 'ebdf72d7',
  12: 'ade36d15',
  13: '2a124a5b',
  14: 'ac1bd58f',
  15: 'f77e3050',
  16: '754bb250',
  17: 'c63aaa88',
};

/** The account (id 1) a step test's rows hang on, in SQL: the repositories speak the latest schema. */
const ACCOUNT_ROW =
  "INSERT INTO accounts (address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, user, secret_ref, created_at) VALUES ('a@b.c', 'h', 1, 'tls', 'h', 1, 'tls', 'u', 'r', 0)";

/** The message rows a search query finds in the index, in rowid order. */
function ftsHits(db: Database.Database): (query: string) => number[] {
  const stmt = db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid');
  return (query) => (stmt.all(query) as Array<{ rowid: number }>).map((r) => r.rowid);
}

function schemaOf(db: Database.Database): string {
  const rows = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all() as Array<{ type: string; name: string; sql: string }>;
  return rows.map((r) => `${r.type} ${r.name}\n${r.sql.replace(/\s+/g, ' ')}`).join('\n\n');
}

describe('migrations', () => {
  const migrations = loadMigrations();

  it('are numbered without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('shipped migrations are never edited', () => {
    for (const m of migrations) {
      const hash = createHash('sha256').update(m.sql).digest('hex').slice(0, 8);
      if (SHIPPED[m.version] !== undefined) expect(`${m.version}:${hash}`).toBe(`${m.version}:${SHIPPED[m.version]}`);
    }
    expect(Object.keys(SHIPPED).length).toBe(migrations.length);
  });

  it('the final schema matches the committed snapshot', async () => {
    const db = openDb(':memory:');
    await expect(schemaOf(db)).toMatchFileSnapshot('./__snapshots__/schema.sql.txt');
  });

  it('refuses a database from a newer version', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db, migrations)).toThrow(/newer Promptly/);
  });

  it('a failing migration leaves the previous version intact', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE ok_table (x); SELECT * FROM no_such_table;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok_table'").get()).toBeUndefined();
  });

  describe('004_outbox', () => {
    it('stores outbox items with a unique Message-ID, checked states and a cascading log', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 4);
      db.prepare(ACCOUNT_ROW).run();
      const insert = db.prepare(
        `INSERT INTO outbox (account_id, thread_key, kind, state, message_id, envelope_from, envelope_to, raw, size,
           opened_at, created_at, undo_until, send_at, updated_at)
         VALUES (1, 'k@x', 'reply', ?, ?, 'a@b.c', '["c@d.e"]', x'00', 1, 0, 0, 0, 0, 0)`,
      );
      insert.run('queued', 'one@b.c');
      expect(() => insert.run('queued', 'one@b.c')).toThrow(/UNIQUE/);
      expect(() => insert.run('lost', 'two@b.c')).toThrow(/CHECK/);
      db.prepare("INSERT INTO outbox_log (outbox_id, at, to_state) VALUES (1, 0, 'queued')").run();
      expect(db.prepare('SELECT attempts, retry_at, notified_at FROM outbox').get()).toEqual({
        attempts: 0,
        retry_at: null,
        notified_at: null,
      });
      db.prepare('DELETE FROM outbox').run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM outbox_log').get()).toEqual({ n: 0 });
    });
  });

  describe('013_thread_key_aliases', () => {
    it('keys the conversations of a database written before it by their root, once, when it opens', () => {
      const file = join(tempDir('keys'), 'promptly.sqlite');
      const old = new Database(file);
      migrate(old, migrations, 12);
      old.exec(`
        INSERT INTO accounts (address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, user, secret_ref, created_at)
          VALUES ('a@b.c', 'h', 1, 'tls', 'h', 1, 'tls', 'u', 'r', 0);
        INSERT INTO folders (account_id, path) VALUES (1, 'INBOX');
        INSERT INTO threads (id, account_id, thread_key, first_message_at, last_message_at) VALUES (7, 1, 'child@x', 0, 2);
        INSERT INTO messages (account_id, folder_id, uid, thread_id, message_id, in_reply_to, refs, date) VALUES
          (1, 1, 1, 7, 'grandchild@x', 'child@x', '[]', 2),
          (1, 1, 2, 7, 'child@x', 'root@x', '["root@x"]', 1),
          (1, 1, 3, 7, 'root@x', NULL, '[]', 0);
        INSERT INTO team_pending (id, account_id, thread_key, event_json, raw, created_at)
          VALUES ('e1', 1, 'child@x', '{}', x'00', 0);`);
      old.close();
      const db = openDb(file);
      expect(db.prepare('SELECT thread_key FROM threads').all()).toEqual([{ thread_key: 'root@x' }]);
      expect(db.prepare('SELECT old_key, thread_key FROM thread_key_aliases').all()).toEqual([
        { old_key: 'child@x', thread_key: 'root@x' },
      ]);
      expect(db.prepare('SELECT thread_key FROM team_pending').all()).toEqual([{ thread_key: 'root@x' }]);
      db.prepare("UPDATE threads SET thread_key = 'kept@x'").run();
      db.close();
      expect(openDb(file).prepare('SELECT thread_key FROM threads').all()).toEqual([{ thread_key: 'kept@x' }]);
    });

    it('keeps one current key per earlier key of an account, found by either side, gone with the account', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 12);
      db.prepare(ACCOUNT_ROW).run();
      migrate(db, migrations, 13);
      const alias = db.prepare(
        "INSERT INTO thread_key_aliases (account_id, old_key, thread_key) VALUES (1, 'child@x', ?)",
      );
      alias.run('root@x');
      expect(() => alias.run('other@x')).toThrow(/UNIQUE/);
      const plan = db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT old_key FROM thread_key_aliases WHERE account_id = 1 AND thread_key = 'root@x'",
        )
        .all() as Array<{ detail: string }>;
      expect(plan.map((r) => r.detail).join('; ')).toMatch(/USING (COVERING )?INDEX thread_key_aliases_by_key/);
      db.prepare('DELETE FROM accounts').run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM thread_key_aliases').get()).toEqual({ n: 0 });
    });
  });

  describe('012_message_source_files', () => {
    it('keeps existing messages without a file and finds the ones with a file through an index', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 11);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare("INSERT INTO folders (account_id, path) VALUES (1, 'INBOX')").run();
      const insert = db.prepare(
        "INSERT INTO messages (account_id, folder_id, uid, message_id, date, raw) VALUES (1, 1, ?, ?, 0, x'41')",
      );
      insert.run(1, 'old@x');
      migrate(db, migrations, 12);
      expect(db.prepare('SELECT source_file, raw FROM messages').get()).toEqual({
        source_file: null,
        raw: Buffer.from('A'),
      });
      insert.run(2, 'large@x');
      db.prepare("UPDATE messages SET source_file = 'sources/2.eml', raw = NULL WHERE uid = 2").run();
      const listed = db.prepare('SELECT source_file FROM messages WHERE source_file IS NOT NULL');
      expect(listed.all()).toEqual([{ source_file: 'sources/2.eml' }]);
      const plan = (
        db.prepare('EXPLAIN QUERY PLAN SELECT source_file FROM messages WHERE source_file IS NOT NULL').all() as Array<{
          detail: string;
        }>
      )
        .map((r) => r.detail)
        .join('; ');
      expect(plan).toMatch(/messages_with_source_file/);
    });
  });

  describe('017_index_per_batch', () => {
    it('leaves a new row to the store to index, while edits and deletes still re-index by trigger', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 16);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare("INSERT INTO folders (account_id, path) VALUES (1, 'INBOX')").run();
      const insert = db.prepare(
        `INSERT INTO messages (account_id, folder_id, uid, message_id, date, subject, body_text, body_state)
         VALUES (1, 1, @uid, @mid, 0, @subject, 'text', 'done')`,
      );
      const hits = ftsHits(db);
      insert.run({ uid: 1, mid: 'a@x', subject: 'Invoice overdue' });
      expect(hits('invoice')).toEqual([1]);
      migrate(db, migrations, 17);
      expect(hits('invoice')).toEqual([1]); // what was indexed stays
      insert.run({ uid: 2, mid: 'b@x', subject: 'Invoice paid' });
      expect(hits('invoice')).toEqual([1]); // the store adds it (store/repos/searchIndex.ts)
      db.prepare(
        'INSERT INTO messages_fts (rowid, subject, body, sender, recipients) SELECT id, subject, body, sender, recipients FROM messages_fts_source WHERE id = 2',
      ).run();
      expect(hits('invoice')).toEqual([1, 2]);
      db.prepare("UPDATE messages SET subject = 'Receipt' WHERE id = 2").run();
      expect(hits('invoice')).toEqual([1]);
      expect(hits('receipt')).toEqual([2]);
      db.prepare('DELETE FROM messages WHERE id = 1').run();
      expect(hits('invoice')).toEqual([]);
      const check = db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 0)");
      expect(() => check.run()).not.toThrow();
    });
  });

  describe('016_unreadable_by_date', () => {
    it('finds the messages that could not be read, newest first, without reading every message', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 15);
      const plan = (): string =>
        (
          db
            .prepare(
              `EXPLAIN QUERY PLAN SELECT m.id FROM messages m JOIN folders f ON f.id = m.folder_id
                 WHERE m.account_id = 1 AND m.parse_error IS NOT NULL AND m.uid > 0 ORDER BY m.date DESC LIMIT 1000`,
            )
            .all() as Array<{ detail: string }>
        )
          .map((r) => r.detail)
          .join('; ');
      expect(plan()).not.toMatch(/messages_unreadable/);
      migrate(db, migrations, 16);
      expect(plan()).toMatch(/SEARCH m USING INDEX messages_unreadable \(account_id=\?\)/);
      expect(plan()).not.toMatch(/TEMP B-TREE/);
    });
  });

  describe('015_view_counts', () => {
    it('counts listed threads by due time and promise from indexes, without reading the threads', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 14);
      const count = (where: string): string =>
        `SELECT COUNT(*) FROM threads WHERE account_id = 1 AND message_count > 0 AND ${where}`;
      const plan = (sql: string): string =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
      expect(plan(count('due_at <= 5'))).not.toMatch(/COVERING INDEX/);
      migrate(db, migrations, 15);
      expect(plan(count('due_at <= 5'))).toMatch(
        /COVERING INDEX threads_listed_by_due \(account_id=\? AND due_at<\?\)/,
      );
      expect(plan(count("due_reason = 'promise'"))).toMatch(/COVERING INDEX threads_listed_by_reason/);
      db.prepare(ACCOUNT_ROW).run();
      const thread = db.prepare(
        `INSERT INTO threads (account_id, thread_key, first_message_at, last_message_at, message_count, due_at, due_reason)
           VALUES (1, ?, 0, 0, ?, ?, ?)`,
      );
      thread.run('<a@x>', 1, 3, 'promise');
      thread.run('<b@x>', 0, 3, 'promise'); // not listed yet: no message stored
      thread.run('<c@x>', 2, 9, 'courtesy');
      expect(db.prepare(count('due_at <= 5')).pluck().get()).toBe(1);
      expect(db.prepare(count("due_reason = 'promise'")).pluck().get()).toBe(1);
    });
  });

  describe('014_threads_by_recency_and_id', () => {
    it('walks the thread list newest first through an index, without sorting ties in a temporary tree', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 13);
      const plan = (): string =>
        (
          db
            .prepare(
              `EXPLAIN QUERY PLAN SELECT * FROM threads WHERE account_id = 1 AND message_count > 0
                 ORDER BY last_message_at DESC, id DESC LIMIT 500 OFFSET 1000`,
            )
            .all() as Array<{ detail: string }>
        )
          .map((r) => r.detail)
          .join('; ');
      expect(plan()).toMatch(/USE TEMP B-TREE/);
      migrate(db, migrations, 14);
      expect(plan()).toMatch(/SEARCH threads USING INDEX threads_by_recency/);
      expect(plan()).not.toMatch(/TEMP B-TREE/);
    });
  });

  describe('011_headerless_by_sender', () => {
    it('finds headerless mail by sender and date through an index, not a scan of every message', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 10);
      const plan = (): string =>
        (
          db
            .prepare(
              `EXPLAIN QUERY PLAN SELECT m.id FROM messages m JOIN threads t ON t.id = m.thread_id AND t.thread_key = m.message_id
                 WHERE m.account_id = 1 AND lower(m.from_address) = 'ann@x' AND m.date BETWEEN 0 AND 9
                   AND m.in_reply_to IS NULL AND m.refs = '[]' AND m.thread_id <> 3`,
            )
            .all() as Array<{ detail: string }>
        )
          .map((r) => r.detail)
          .join('; ');
      expect(plan()).not.toMatch(/messages_headerless_by_sender/);
      migrate(db, migrations, 11);
      expect(plan()).toMatch(/SEARCH m USING INDEX messages_headerless_by_sender/);
    });
  });

  describe('008_thread_pins', () => {
    it('keeps existing messages unmarked and pins one message to one conversation per account', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 7);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare("INSERT INTO folders (account_id, path) VALUES (1, 'INBOX')").run();
      db.prepare(
        "INSERT INTO messages (account_id, folder_id, uid, message_id, date) VALUES (1, 1, 1, 'm1@x', 0)",
      ).run();
      migrate(db, migrations, 8);
      expect(db.prepare('SELECT joined_by_subject FROM messages').get()).toEqual({ joined_by_subject: 0 });
      const pin = db.prepare(
        "INSERT INTO thread_pins (account_id, message_id, thread_key, moved_from) VALUES (1, 'm1@x', ?, 'root@x')",
      );
      pin.run('m1@x');
      expect(() => pin.run('other@x')).toThrow(/UNIQUE/);
      db.prepare('DELETE FROM accounts').run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM thread_pins').get()).toEqual({ n: 0 });
    });
  });

  describe('009_account_sign_in_as', () => {
    it('keeps existing accounts signing in as themselves and names a person only for OAuth2', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 8);
      db.prepare(
        "INSERT INTO accounts (address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, user, secret_ref, created_at, auth_kind, oauth_provider) VALUES ('team@b.c', 'h', 1, 'tls', 'h', 1, 'tls', 'team@b.c', 'r', 0, 'oauth2', 'microsoft')",
      ).run();
      migrate(db, migrations, 9);
      expect(db.prepare('SELECT oauth_sign_in_as FROM accounts').get()).toEqual({ oauth_sign_in_as: null });
      db.prepare("UPDATE accounts SET oauth_sign_in_as = 'alice@b.c'").run();
      expect(() => db.prepare("UPDATE accounts SET auth_kind = 'password', oauth_provider = NULL").run()).toThrow(
        /CHECK/,
      );
    });
  });

  describe('007_account_auth', () => {
    it('keeps existing accounts on passwords and stores an OAuth2 provider only with that kind', () => {
      const db = new Database(':memory:');
      migrate(db, migrations, 6);
      const insert = (address: string): string =>
        `INSERT INTO accounts (address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, user, secret_ref, created_at) VALUES ('${address}', 'h', 1, 'tls', 'h', 1, 'tls', 'u', 'r', 0)`;
      db.prepare(insert('old@b.c')).run();
      migrate(db, migrations, 7);
      expect(db.prepare('SELECT auth_kind, oauth_provider FROM accounts').get()).toEqual({
        auth_kind: 'password',
        oauth_provider: null,
      });
      db.prepare("UPDATE accounts SET auth_kind = 'oauth2', oauth_provider = 'microsoft'").run();
      expect(() => db.prepare('UPDATE accounts SET oauth_provider = NULL').run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE accounts SET auth_kind = 'token'").run()).toThrow(/CHECK/);
      db.prepare(insert('new@b.c')).run();
      expect(() => db.prepare("UPDATE accounts SET oauth_provider = 'google' WHERE address = 'new@b.c'").run()).toThrow(
        /CHECK/,
      );
    });
  });

  describe('006_customer_sender', () => {
    it("names the customer's newest message on existing rows, never the team's reply", () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 5);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare("INSERT INTO folders (account_id, path) VALUES (1, 'INBOX')").run();
      const thread = (key: string) =>
        db
          .prepare(
            "INSERT INTO threads (account_id, thread_key, last_from_name, last_from_address, first_message_at, last_message_at) VALUES (1, ?, 'Support', 'a@b.c', 0, 3)",
          )
          .run(key).lastInsertRowid;
      const message = (threadId: unknown, uid: number, name: string, address: string, team: number) =>
        db
          .prepare(
            'INSERT INTO messages (account_id, folder_id, uid, thread_id, message_id, from_name, from_address, date, from_team) VALUES (1, 1, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(uid, threadId, `<m${uid}@x>`, name, address, uid, team);
      const mixed = thread('mixed@x');
      message(mixed, 1, 'Gareth', 'gareth@cust.example', 0);
      message(mixed, 2, 'Gareth G.', 'gareth@cust.example', 0);
      message(mixed, 3, '', 'gareth@cust.example', 0);
      message(mixed, 4, 'Support', 'a@b.c', 1);
      const teamOnly = thread('team@x');
      message(teamOnly, 5, 'Chloe at Support', 'a@b.c', 1);
      migrate(db, migrations, 6);
      const rows = db.prepare('SELECT thread_key, last_from_name, last_from_address FROM threads ORDER BY id').all();
      expect(rows).toEqual([
        { thread_key: 'mixed@x', last_from_name: 'Gareth G.', last_from_address: 'gareth@cust.example' },
        { thread_key: 'team@x', last_from_name: 'Chloe at Support', last_from_address: 'a@b.c' },
      ]);
    });
  });

  describe('005_team', () => {
    it('adds the team log, pending actions, per-thread team rows, due times and settings', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 5);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare(
        "INSERT INTO threads (account_id, thread_key, first_message_at, last_message_at) VALUES (1, 'k@x', 0, 0)",
      ).run();
      db.prepare("INSERT INTO thread_team (thread_id, team_key, owner) VALUES (1, 'k@x', 'bob@x.example')").run();
      expect(() =>
        db
          .prepare(
            "INSERT INTO team_pending (id, account_id, event_json, raw, state, created_at) VALUES ('e', 1, '{}', x'00', 'lost', 0)",
          )
          .run(),
      ).toThrow(/CHECK/);
      expect(db.prepare('SELECT due_at, last_customer_at FROM threads').get()).toEqual({
        due_at: null,
        last_customer_at: null,
      });
      db.prepare('DELETE FROM threads').run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM thread_team').get()).toEqual({ n: 0 });
    });
  });

  describe('010_search_after_body', () => {
    it('indexes a message once its body is stored, not while it waits for it', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 9);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare("INSERT INTO folders (account_id, path) VALUES (1, 'INBOX')").run();
      const insert = db.prepare(
        `INSERT INTO messages (account_id, folder_id, uid, message_id, date, subject, body_text, body_state)
         VALUES (1, 1, @uid, @mid, 0, @subject, '', @state)`,
      );
      const hits = ftsHits(db);
      insert.run({ uid: 1, mid: 'a@x', subject: 'Invoice overdue', state: 'pending' });
      insert.run({ uid: 2, mid: 'b@x', subject: 'Invoice paid', state: 'done' });
      expect(hits('invoice')).toEqual([1, 2]);
      migrate(db, migrations, 10);
      // The header-only document of the waiting row is gone; the complete one stays.
      expect(hits('invoice')).toEqual([2]);
      insert.run({ uid: 3, mid: 'c@x', subject: 'Invoice lost', state: 'pending' });
      expect(hits('invoice')).toEqual([2]);
      const fill = db.prepare("UPDATE messages SET body_text = ?, body_state = 'done' WHERE id = ?");
      fill.run('The spoke is broken', 1);
      fill.run('Where is it', 3);
      expect(hits('invoice')).toEqual([1, 2, 3]);
      expect(hits('spoke')).toEqual([1]);
      // Edits re-index, a failed body indexes the headers, deletes leave the index.
      db.prepare("UPDATE messages SET subject = 'Receipt' WHERE id = 3").run();
      expect(hits('invoice')).toEqual([1, 2]);
      expect(hits('receipt')).toEqual([3]);
      insert.run({ uid: 4, mid: 'd@x', subject: 'Unreadable invoice', state: 'pending' });
      db.prepare("UPDATE messages SET body_state = 'failed' WHERE id = 4").run();
      expect(hits('unreadable')).toEqual([4]);
      insert.run({ uid: 5, mid: 'e@x', subject: 'Gone invoice', state: 'pending' });
      db.prepare('DELETE FROM messages WHERE id IN (1, 5)').run();
      expect(hits('invoice')).toEqual([2, 4]);
      // FTS5's own check fails with SQLITE_CORRUPT when the index and the triggers disagree.
      const check = db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 0)");
      expect(() => check.run()).not.toThrow();
    });
  });

  describe('003_search', () => {
    it('backfills the index from stored mail and keeps it current through triggers', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 2);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare("INSERT INTO folders (account_id, path) VALUES (1, 'INBOX')").run();
      const insert = db.prepare(
        `INSERT INTO messages (account_id, folder_id, uid, message_id, date, subject, body_text, from_name, from_address, to_json, cc_json)
         VALUES (1, 1, @uid, @mid, 0, @subject, @body, 'Gus', 'gus@customer.example', @to, @cc)`,
      );
      insert.run({
        uid: 1,
        mid: 'a@x',
        subject: 'Café order',
        body: 'Broken spoke',
        to: '[{"name":"Support","address":"support@shop.example"}]',
        cc: 'not json',
      });
      migrate(db, migrations, 3);
      const hits = ftsHits(db);
      // Backfilled: diacritics folded, addresses split into words, malformed Cc ignored.
      expect(hits('cafe')).toEqual([1]);
      expect(hits('spoke')).toEqual([1]);
      expect(hits('recipients:"shop example"')).toEqual([1]);
      expect(hits('sender:gus')).toEqual([1]);
      // New mail, edits and deletes reach the index inside the writer's own statement.
      insert.run({ uid: 2, mid: 'b@x', subject: 'Invoice', body: 'Please pay', to: '[]', cc: '[]' });
      expect(hits('invoice')).toEqual([2]);
      db.prepare("UPDATE messages SET subject = 'Receipt' WHERE id = 2").run();
      expect(hits('invoice')).toEqual([]);
      expect(hits('receipt')).toEqual([2]);
      db.prepare('DELETE FROM messages WHERE id = 1').run();
      expect(hits('spoke')).toEqual([]);
    });
  });

  describe('002_sync', () => {
    it('adds body state (existing rows count as done), sync status and attachments', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 1);
      db.prepare(ACCOUNT_ROW).run();
      db.prepare("INSERT INTO folders (account_id, path) VALUES (1, 'INBOX')").run();
      db.prepare(
        "INSERT INTO messages (account_id, folder_id, uid, message_id, date) VALUES (1, 1, 7, 'm@x', 0)",
      ).run();
      migrate(db, migrations, 2);
      expect(db.prepare('SELECT body_state, size, headers FROM messages').get()).toEqual({
        body_state: 'done',
        size: 0,
        headers: '{}',
      });
      expect(db.prepare('SELECT complete, last_error FROM folders').get()).toEqual({ complete: 0, last_error: null });
      expect(() => db.prepare("UPDATE messages SET body_state = 'weird'").run()).toThrow(/CHECK/);
      db.prepare("INSERT INTO attachments (message_id, part, filename) VALUES (1, '0', 'a.pdf')").run();
      db.prepare('DELETE FROM messages').run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    });
  });

  describe('001_core', () => {
    it('creates the core tables with foreign keys enforced', () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, 1);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
      ).map((r) => r.name);
      expect(tables).toEqual(['accounts', 'folders', 'messages', 'participants', 'thread_refs', 'threads']);
      expect(() => db.prepare("INSERT INTO folders (account_id, path) VALUES (99, 'INBOX')").run()).toThrow(
        /FOREIGN KEY/,
      );
      expect(() =>
        db
          .prepare(
            "INSERT INTO accounts (address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, user, secret_ref, created_at) VALUES ('a@b.c', 'h', 1, 'ssl', 'h', 1, 'tls', 'u', 'r', 0)",
          )
          .run(),
      ).toThrow(/CHECK/);
    });

    it('opens with WAL on a file database', () => {
      const db = openDb(join(tempDir('db'), 'x.sqlite'));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    });
  });
});
