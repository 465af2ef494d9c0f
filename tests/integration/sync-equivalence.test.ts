/**
 * The first sync's end state, pinned. A fixed mailbox (600 generated support messages plus
 * every message of the real-world corpus) goes through a real first sync; what the store
 * then holds (each message once, its fields, its attachments, the thread partition, the
 * thread rows) and what a set of searches find must equal the expectation checked in beside
 * this test. Speed work on the sync pipeline changes how the work is done, never the result.
 *
 * The expectation was written by the sync as it stood before that work. After a deliberate
 * change of result, rewrite it with `PROMPTLY_WRITE_EXPECTATION=1 npx vitest run THIS_FILE`
 * and review the diff.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMailbox } from '../../bench/sync/generate';
import { searchThreads } from '../../src/main/store/repos/search';
import type { Db } from '../../src/main/store/db';
import { mailWorld, startEngine } from '../support/engine';
import { seedMaildir, type SeedMessage } from '../support/maildir-seed';

const CORPUS = join(import.meta.dirname, '../fixtures/real-world-mail');
const EXPECTATION = join(import.meta.dirname, '../fixtures/sync-equivalence.json');
/** Where the generated mailbox's newest message is dated; the corpus follows, a minute apart. */
const END = Date.UTC(2025, 5, 1, 9, 0, 0);

/** Searches over subjects, bodies, senders, recipients, phrases, prefixes and operators. */
const QUERIES = [
  'invoice',
  'refund',
  'tracking number',
  '"password reset"',
  'deliv*',
  'from:gmail.com',
  'to:support',
  'subject:subscription',
  'Müller',
  'cafe',
  'attachment',
  'has:attachment',
  'is:unread',
  'thanks -refund',
  'unicode',
  'report',
  'html',
];

function emlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return emlFiles(path);
      return name.endsWith('.eml') ? [path] : [];
    });
}

const digest = (value: string | Buffer | null): string | null =>
  value === null ? null : createHash('sha256').update(value).digest('hex').slice(0, 16);
/**
 * A short digest of a record's details: the fixture stays small, a difference still names its
 * message. The mailbox's own address differs per run; digests and the fixture say SUPPORT.
 */
let ownAddress = '';
const digestOf = (value: unknown): string => digest(JSON.stringify(value).replaceAll(ownAddress, 'SUPPORT')) ?? '';

interface MessageRow {
  id: number;
  uid: number;
  thread_key: string | null;
  message_id: string;
  in_reply_to: string | null;
  refs: string;
  subject: string;
  from_name: string;
  from_address: string;
  to_json: string;
  cc_json: string;
  date: number;
  snippet: string;
  body_text: string;
  body_html: string | null;
  has_attachments: number;
  from_team: number;
  parse_error: string | null;
  body_state: string;
  flags: string;
  headers: string;
}

/** Everything the first sync leaves in the store, keyed by what every replica agrees on. */
function endState(db: Db, accountId: number): Record<string, unknown> {
  const messages = db
    .prepare(
      `SELECT m.*, t.thread_key FROM messages m LEFT JOIN threads t ON t.id = m.thread_id WHERE m.uid > 0 ORDER BY m.uid`,
    )
    .all() as MessageRow[];
  const attachments = db
    .prepare(
      'SELECT message_id AS mid, part, filename, content_type, size, content_id, inline FROM attachments ORDER BY message_id, id',
    )
    .all() as Array<{ mid: number } & Record<string, unknown>>;
  const byMessage = new Map<number, unknown[]>();
  for (const { mid, ...a } of attachments) byMessage.set(mid, [...(byMessage.get(mid) ?? []), a]);
  const threads = db
    .prepare(
      `SELECT thread_key, subject, snippet, last_from_name, last_from_address, first_message_at, last_message_at,
              message_count, has_attachments, last_customer_at, last_team_at FROM threads
        WHERE message_count > 0 ORDER BY thread_key`,
    )
    .all() as Array<{ thread_key: string }>;
  const participants = db
    .prepare(
      `SELECT t.thread_key, p.address, p.name, p.is_team, p.message_count FROM participants p
         JOIN threads t ON t.id = p.thread_id ORDER BY t.thread_key, p.address`,
    )
    .all() as Array<{ thread_key: string }>;
  const search = Object.fromEntries(
    QUERIES.map((q) => {
      const found = searchThreads(db, accountId, q, { limit: 5000, tzOffsetMinutes: 0, now: END, me: null });
      if ('error' in found) return [q, found];
      const keys = found.map((t) => t.key).sort();
      return [q, { threads: keys.length, keys: digestOf(keys) }];
    }),
  );
  return {
    messages: messages.map((m) => ({
      uid: m.uid,
      thread: m.thread_key,
      messageId: m.message_id,
      subject: m.subject,
      date: m.date,
      details: digestOf({
        inReplyTo: m.in_reply_to,
        refs: JSON.parse(m.refs) as unknown,
        from: [m.from_name, m.from_address],
        to: JSON.parse(m.to_json) as unknown,
        cc: JSON.parse(m.cc_json) as unknown,
        snippet: m.snippet,
        text: m.body_text,
        html: m.body_html,
        hasAttachments: m.has_attachments,
        fromTeam: m.from_team,
        problem: m.parse_error,
        bodyState: m.body_state,
        flags: JSON.parse(m.flags) as unknown,
        headers: JSON.parse(m.headers) as unknown,
        attachments: byMessage.get(m.id) ?? [],
      }),
    })),
    threads: threads.map((t) => ({
      key: t.thread_key,
      details: digestOf([t, participants.filter((p) => p.thread_key === t.thread_key)]),
    })),
    search,
  };
}

/** The mailbox: generated support mail in date order, then the corpus files, one a minute. */
function mailbox(address: string): SeedMessage[] {
  const out: SeedMessage[] = [];
  generateMailbox({ messages: 600, seed: 16, mailbox: address, end: END }, (m) =>
    out.push({ raw: m.raw, date: m.date }),
  );
  emlFiles(CORPUS).forEach((file, i) => out.push({ raw: readFileSync(file), date: END + (i + 1) * 60_000 }));
  return out;
}

/** One record a line, so a changed message or thread shows as one changed line in a diff. */
function fixtureText(state: Record<string, unknown>): string {
  const lines = Object.entries(state).map(([name, value]) => {
    const items = Array.isArray(value)
      ? value.map((v) => JSON.stringify(v))
      : Object.entries(value as object).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return `${JSON.stringify(name)}: ${open}\n  ${items.join(',\n  ')}\n ${close}`;
  });
  return `{\n ${lines.join(',\n ')}\n}\n`;
}

describe('first sync end state (real Dovecot)', () => {
  it('stores the same messages, threads, thread rows and search results as the checked-in expectation', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('equivalence');
    ownAddress = support.address;
    const seeded = mailbox(support.address);
    seedMaildir(world, support, seeded);
    const { service, db } = await startEngine(world, support);
    try {
      const report = await service.syncNow();
      expect(report.folders.find((f) => f.path === 'INBOX')?.fetched).toBe(seeded.length);
      const accountId = service.requireAccount().id;
      const state = JSON.parse(JSON.stringify(endState(db, accountId)).replaceAll(support.address, 'SUPPORT')) as {
        messages: Array<{ uid: number }>;
      };
      expect(new Set(state.messages.map((m) => m.uid)).size).toBe(seeded.length);
      expect(state.messages).toHaveLength(seeded.length);
      if (process.env.PROMPTLY_WRITE_EXPECTATION === '1') {
        writeFileSync(EXPECTATION, fixtureText(state));
        process.stderr.write(`wrote ${relative(process.cwd(), EXPECTATION)}\n`);
      }
      const expected = JSON.parse(readFileSync(EXPECTATION, 'utf8')) as typeof state;
      expect(state).toEqual(expected);
    } finally {
      db.close();
    }
  }, 120_000);
});
