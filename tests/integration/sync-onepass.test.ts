/**
 * A first sync in one pass (whole messages, parsed and stored together) ends exactly where a
 * first sync fetching headers, then bodies, ends. The mailbox is large enough that most of it
 * takes the one-pass path (the newest batches are listed from their headers first either way),
 * and holds every real-world corpus message, so unusual mail goes through both paths.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMailbox } from '../../bench/sync/generate';
import { searchThreads } from '../../src/main/store/repos/search';
import type { Db } from '../../src/main/store/db';
import { mailWorld, startEngine } from '../support/engine';
import { startProxiedEngine, startProxy } from '../support/tcp-proxy';
import { seedMaildir, type SeedMessage } from '../support/maildir-seed';

const CORPUS = join(import.meta.dirname, '../fixtures/real-world-mail');
const END = Date.UTC(2025, 5, 1, 9, 0, 0);
const QUERIES = ['invoice', 'refund', '"password reset"', 'deliv*', 'from:gmail.com', 'has:attachment', 'Müller'];

function emlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return emlFiles(path);
      return name.endsWith('.eml') ? [path] : [];
    });
}

/** Corpus files among generated mail (every 15th message), so they fall in one-pass batches too. */
function mailbox(address: string, messages = 1800): SeedMessage[] {
  const corpus = emlFiles(CORPUS).map((file) => readFileSync(file));
  const out: SeedMessage[] = [];
  generateMailbox({ messages, seed: 61, mailbox: address, end: END }, (m) => {
    out.push({ raw: m.raw, date: m.date });
    const extra = corpus[m.index / 15];
    if (m.index % 15 === 0 && extra) out.push({ raw: extra, date: m.date + 1000 });
  });
  return out;
}

/** Every row the sync writes, without local row ids. */
function endState(db: Db, accountId: number): unknown {
  const rows = (sql: string): unknown[] => db.prepare(sql).all();
  const search = QUERIES.map((q) => {
    const found = searchThreads(db, accountId, q, { limit: 5000, tzOffsetMinutes: 0, now: END, me: null });
    return 'error' in found ? found : found.map((t) => t.key).sort();
  });
  return {
    messages: rows(
      `SELECT m.uid, t.thread_key, m.message_id, m.in_reply_to, m.refs, m.subject, m.from_name, m.from_address,
              m.to_json, m.cc_json, m.date, m.snippet, m.body_text, m.body_html, m.flags, m.has_attachments,
              m.from_team, m.parse_error, m.raw, m.body_state, m.size, m.headers, m.joined_by_subject
         FROM messages m LEFT JOIN threads t ON t.id = m.thread_id WHERE m.uid > 0 ORDER BY m.uid`,
    ),
    attachments: rows(
      `SELECT m.uid, a.part, a.filename, a.content_type, a.size, a.content_id, a.inline
         FROM attachments a JOIN messages m ON m.id = a.message_id ORDER BY m.uid, a.id`,
    ),
    threads: rows(
      `SELECT thread_key, subject, snippet, last_from_name, last_from_address, first_message_at, last_message_at,
              message_count, has_attachments, last_customer_at, last_team_at FROM threads ORDER BY thread_key`,
    ),
    participants: rows(
      `SELECT t.thread_key, p.address, p.name, p.is_team, p.message_count FROM participants p
         JOIN threads t ON t.id = p.thread_id ORDER BY t.thread_key, p.address`,
    ),
    search,
  };
}

describe('first sync in one pass (real Dovecot)', () => {
  it('stores what a headers-then-bodies first sync stores: messages, attachments, threads, search', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('onepass');
    const seeded = mailbox(support.address);
    seedMaildir(world, support, seeded);
    const states: unknown[] = [];
    for (const onePass of [true, false]) {
      const { service, db } = await startEngine(world, support, {
        syncModes: { qresync: true, condstore: true, onePass },
      });
      try {
        const report = await service.syncNow();
        expect(report.folders.find((f) => f.path === 'INBOX')?.fetched).toBe(seeded.length);
        const pending = db.prepare("SELECT COUNT(*) AS n FROM messages WHERE body_state = 'pending'").get();
        expect(pending).toEqual({ n: 0 });
        states.push(endState(db, service.requireAccount().id));
      } finally {
        db.close();
      }
    }
    const [onePass, twoPass] = states as Array<{ messages: unknown[]; search: unknown[][] }>;
    expect(onePass?.messages).toHaveLength(seeded.length);
    expect(onePass?.search.every((found) => found.length > 0)).toBe(true);
    expect(onePass).toEqual(twoPass);
  }, 240_000);

  it('ends the same when a fetch worker on a second connection fetched a good part of it', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('onepass-worker');
    // Large enough that the worker, up about a second after the newest messages are listed, takes many batches.
    const seeded = mailbox(support.address, 6000);
    seedMaildir(world, support, seeded);
    const bytes = seeded.reduce((n, m) => n + m.raw.length, 0);
    const proxy = await startProxy(world.info.imap);
    const states: unknown[] = [];
    try {
      const viaWorker = await startProxiedEngine(world, support, proxy);
      const before = proxy.stats.connections;
      await viaWorker.service.syncNow();
      // The pass's own connection opens first, the worker's second; it brought at least 30 % of the mail.
      expect(proxy.stats.downByConnection[before + 1] ?? 0).toBeGreaterThan(bytes * 0.3);
      // The search index's merging, held while the bulk was written, is given back (store/repos/searchIndex.ts).
      const merging = viaWorker.db.prepare("SELECT v FROM messages_fts_config WHERE k = 'automerge'").get();
      expect(merging).toEqual({ v: 4 });
      states.push(endState(viaWorker.db, viaWorker.service.requireAccount().id));
      viaWorker.db.close();
    } finally {
      await proxy.close();
    }
    const twoPass = await startEngine(world, support, {
      syncModes: { qresync: true, condstore: true, onePass: false },
    });
    await twoPass.service.syncNow();
    states.push(endState(twoPass.db, twoPass.service.requireAccount().id));
    twoPass.db.close();
    expect((states[0] as { messages: unknown[] }).messages).toHaveLength(seeded.length);
    expect(states[0]).toEqual(states[1]);
  }, 240_000);
});
