import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../src/shared/errors';
import { DISK_FULL_MESSAGE } from '../../src/main/store/diskFull';
import { mailWorld, startEngine, waitFor } from '../support/engine';

describe('a full disk', () => {
  it('pauses live sync with a plain message, loses nothing, and resumes by itself when space returns', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support, { diskFullRetryMs: 50 });
    await world.deliverMail({ from: 'ann@customer.example', to: support.address, subject: 'First', text: 'hello' });
    await service.startLive();
    const errors: ErrorInfo[] = [];
    service.events.on('sync.error', (e) => errors.push(e));
    const stored = () => (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
    expect(stored()).toBe(1);
    try {
      // SQLite's size limit stands in for the disk: writes beyond it fail with SQLITE_FULL.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      for (let i = 0; i < 20; i += 1)
        await world.deliverMail({
          from: `c${i}@customer.example`,
          to: support.address,
          subject: `Order ${i}`,
          text: `Where is order ${i}? `.repeat(400),
        });
      await expect(service.syncNow()).rejects.toMatchObject({ code: 'disk-full', message: DISK_FULL_MESSAGE });
      await waitFor(() => errors.length >= 2, 10_000, 'live sync to fail again on its own');
      expect(errors.every((e) => e.code === 'disk-full' && e.message === DISK_FULL_MESSAGE)).toBe(true);
      // Whatever fitted in free pages was stored in whole batches; the rest waits.
      expect(stored()).toBeLessThan(21);
      // Not blamed on the server or filed under a folder.
      const status = await service.call('sync.status', {});
      expect(status.map((f) => f.lastError)).toEqual(status.map(() => null));

      db.pragma('max_page_count = 1073741823');
      await waitFor(() => stored() === 21, 10_000, 'the paused sync to resume by itself');
      const threads = await service.call('threads.list', { limit: 50 });
      expect(threads).toHaveLength(21);
    } finally {
      await service.stopLive();
    }
  });
});
