import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { seedDemo } from '../../src/main/demo/load';
import { PromptlyService } from '../../src/main/service/service';
import { MemorySecretStore } from '../../src/main/secrets';

describe('demo mailbox in the store', () => {
  it('loads through the real parse-and-store path into 300+ threads, newest first', async () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const db = openDb(':memory:');
    await seedDemo(db, now);
    const service = new PromptlyService({
      db,
      secrets: new MemorySecretStore(),
      now: () => now,
      version: 't',
      demo: true,
    });
    expect((await service.call('app.info', {})).mode).toBe('demo');
    const threads = await service.call('threads.list', { limit: 5000, offset: 0 });
    expect(threads.length).toBeGreaterThanOrEqual(300);
    const times = threads.map((t) => t.lastMessageAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(times[0]).toBeLessThanOrEqual(now);
    const long = threads.find((t) => t.messageCount >= 8);
    expect(long).toBeDefined();
    const detail = await service.call('thread.get', { id: long!.id });
    expect(detail.messages.some((m) => m.fromTeam)).toBe(true);
    expect(
      (db.prepare('SELECT COUNT(*) AS n FROM messages WHERE parse_error IS NOT NULL').get() as { n: number }).n,
    ).toBe(0);
    // Demo mode never reaches for a server.
    expect(await service.call('sync.now', {})).toEqual({ folders: [], durationMs: 0 });
  });
});
