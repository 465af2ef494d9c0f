import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../src/shared/errors';
import { DISK_FULL_MESSAGE } from '../../src/main/store/diskFull';
import { mailWorld, startEngine, waitFor } from '../support/engine';

describe('a full disk', () => {
  it('stops the pass with a plain message, blames no server or folder, and loses nothing once space returns', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support);
    await world.deliverMail({ from: 'ann@customer.example', to: support.address, subject: 'First', text: 'hello' });
    await service.syncNow();
    const errors: ErrorInfo[] = [];
    service.events.on('sync.error', (e) => errors.push(e));
    const stored = () => (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;

    // SQLite's size limit stands in for the disk: writes beyond it fail with SQLITE_FULL.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    for (let i = 0; i < 20; i += 1)
      await world.deliverMail({
        from: `c${i}@customer.example`,
        to: support.address,
        subject: `Order ${i}`,
        text: `Where is order ${i}? `.repeat(400),
      });
    for (let attempt = 0; attempt < 2; attempt += 1)
      await expect(service.syncNow()).rejects.toMatchObject({ code: 'disk-full', message: DISK_FULL_MESSAGE });
    expect(errors).toEqual([
      { code: 'disk-full', message: DISK_FULL_MESSAGE },
      { code: 'disk-full', message: DISK_FULL_MESSAGE },
    ]);
    const status = await service.call('sync.status', {});
    expect(status.map((f) => f.lastError)).toEqual(status.map(() => null));

    db.pragma('max_page_count = 1073741823');
    await service.syncNow();
    expect(stored()).toBe(21);
    expect(await service.call('threads.list', { limit: 50 })).toHaveLength(21);
  });

  it('during live sync: every message that arrived while the disk was full is stored once space returns', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support, { diskFullRetryMs: 50 });
    await world.deliverMail({ from: 'ann@customer.example', to: support.address, subject: 'First', text: 'hello' });
    await service.startLive();
    const errors: ErrorInfo[] = [];
    service.events.on('sync.error', (e) => errors.push(e));
    const stored = () => (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
    try {
      // Passes borrow the watching connection, which has INBOX open while mail arrives.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      for (let i = 0; i < 20; i += 1)
        await world.deliverMail({
          from: `c${i}@customer.example`,
          to: support.address,
          subject: `Order ${i}`,
          text: `Where is order ${i}? `.repeat(400),
        });
      await waitFor(() => errors.length >= 2, 10_000, 'live sync to fail on the full disk and retry');
      expect(errors.every((e) => e.code === 'disk-full')).toBe(true);

      db.pragma('max_page_count = 1073741823');
      await waitFor(() => stored() === 21, 10_000, 'the paused sync to resume by itself');
      await service.syncNow();
      const uids = db
        .prepare(
          "SELECT m.uid FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.path = 'INBOX' ORDER BY m.uid",
        )
        .all();
      expect(uids).toEqual(Array.from({ length: 21 }, (_, i) => ({ uid: i + 1 })));
      expect(await service.call('threads.list', { limit: 50 })).toHaveLength(21);
    } finally {
      await service.stopLive();
    }
  });
});
