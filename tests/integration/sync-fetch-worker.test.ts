/**
 * A large first sync fetches on a second connection, read on a worker thread
 * (mail/fetchWorker.ts), when the connection budget has room. Cut that connection part-way and
 * the sync goes on with its own: every message stored once, nobody told anything went wrong.
 * With a budget of one connection, it never opens a second.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateMailbox } from '../../bench/sync/generate';
import type { Db } from '../../src/main/store/db';
import type { PromptlyService } from '../../src/main/service/service';
import { mailWorld } from '../support/engine';
import { seedMaildir, type SeedMessage } from '../support/maildir-seed';
import { startProxiedEngine, startProxy, type TcpProxy } from '../support/tcp-proxy';

const END = Date.UTC(2025, 5, 1, 9, 0, 0);

let proxy: TcpProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function bigMailbox(
  count: number,
): Promise<{ service: PromptlyService; db: Db; proxy: TcpProxy; uids: number[] }> {
  const world = await mailWorld();
  const support = await world.createMailbox('big');
  const messages: SeedMessage[] = [];
  generateMailbox({ messages: count, seed: 7, mailbox: support.address, end: END }, (m) =>
    messages.push({ raw: m.raw, date: m.date }),
  );
  seedMaildir(world, support, messages);
  proxy = await startProxy(world.info.imap);
  const { service, db } = await startProxiedEngine(world, support, proxy);
  return { service, db, proxy, uids: messages.map((_, i) => i + 1) };
}

/** Every stored INBOX message as UID and Message-ID, in UID order. */
const stored = (db: Db): Array<{ uid: number; n: number }> =>
  db
    .prepare(
      `SELECT m.uid, COUNT(*) AS n FROM messages m JOIN folders f ON f.id = m.folder_id
        WHERE f.path = 'INBOX' GROUP BY m.uid ORDER BY m.uid`,
    )
    .all() as Array<{ uid: number; n: number }>;

describe('a large first sync on a second connection', () => {
  it('goes on with its own connection when the second is cut part-way, storing every message once', async () => {
    // Large enough that the worker, which starts while the newest messages are listed, is up in time.
    const { service, db, proxy: fault, uids } = await bigMailbox(6000);
    const before = fault.stats.connections;
    let cutAt: number | null = null;
    const watch = setInterval(() => {
      const live = fault.liveConnections();
      const second = live[1];
      // The second connection is cut once it has brought a few hundred kilobytes.
      if (cutAt === null && fault.stats.connections - before >= 2 && second && second.bytesDown > 300_000) {
        cutAt = second.bytesDown;
        second.cut();
      }
    }, 1);
    try {
      await service.syncNow();
    } finally {
      clearInterval(watch);
    }
    expect(cutAt).not.toBeNull();
    expect(fault.stats.connectionsCut).toBe(1);
    expect(stored(db)).toEqual(uids.map((uid) => ({ uid, n: 1 })));
    expect((await service.call('sync.status', {})).map((f) => f.lastError)).toEqual(
      (await service.call('sync.status', {})).map(() => null),
    );
  });

  it('stops with the store when the disk fills while the worker fetches, and loses nothing once space returns', async () => {
    const { service, db, proxy: watched, uids } = await bigMailbox(6000);
    let full = false;
    const watch = setInterval(() => {
      const second = watched.liveConnections()[1];
      if (!full && second && second.bytesDown > 300_000) {
        full = true;
        // SQLite's size limit stands in for the disk: writes beyond it fail with SQLITE_FULL.
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      }
    }, 1);
    try {
      await expect(service.syncNow()).rejects.toMatchObject({ code: 'disk-full' });
    } finally {
      clearInterval(watch);
    }
    expect(full).toBe(true);
    db.pragma('max_page_count = 1073741823');
    await service.syncNow();
    expect(stored(db)).toEqual(uids.map((uid) => ({ uid, n: 1 })));
  });

  it('holds two connections at most, and one when the budget is one', async () => {
    // Past the two listed batches (500 messages), the rest goes in one pass.
    const two = await bigMailbox(1500);
    await two.service.syncNow();
    expect(two.proxy.stats.peakLive).toBe(2);
    expect(stored(two.db)).toHaveLength(1500);
    await two.proxy.close();

    const one = await bigMailbox(1500);
    await one.service.call('sync.configure', { maxConnections: 1 });
    await one.service.syncNow();
    expect(one.proxy.stats.peakLive).toBe(1);
    expect(stored(one.db)).toHaveLength(1500);
  });
});
