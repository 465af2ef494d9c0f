import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { PromptlyService } from '../../src/main/service/service';
import { MemorySecretStore } from '../../src/main/secrets';
import { tempDir } from '../support/tempDir';
import { loadTeamLog } from '../../src/main/store/repos/teamLog';
import { getAccount } from '../../src/main/store/repos/accounts';

describe('the demo shows promises', () => {
  it('holds kept, broken and open promises: Promised lists the open ones, the timeline and the dashboard say how they ended', async () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const service = new PromptlyService({
      db: openDb(':memory:'),
      secrets: new MemorySecretStore(),
      now: () => now,
      version: 't',
      dataDir: tempDir('demo-promises'),
    });
    await service.call('app.openDemo', {});

    const promised = await service.call('threads.list', { view: 'promised', limit: 1000 });
    expect(promised.length).toBeGreaterThan(3);
    expect(promised.every((t) => t.due?.reason === 'promise')).toBe(true);
    expect(promised.some((t) => t.due!.dueAt > now)).toBe(true);
    const counts = await service.call('views.counts', {});
    expect(counts.promised).toBe(promised.length);
    expect(counts.waiting).toBeGreaterThan(5);

    // The dashboard's "Promises kept" has data: mostly kept, some broken, some still open.
    const metrics = await service.call('metrics.get', { from: now - 90 * 86_400_000, to: now + 7 * 86_400_000 });
    expect(metrics.promises.kept).toBeGreaterThan(metrics.promises.broken);
    expect(metrics.promises.broken).toBeGreaterThan(0);
    expect(metrics.promises.pending).toBeGreaterThan(0);

    // Each ending is in the thread's timeline, in words.
    const endings = new Set<string>();
    for (const t of await service.call('threads.list', { view: 'all', limit: 1000 })) {
      for (const a of (await service.call('thread.get', { id: t.id })).activity)
        if (a.promise && a.promise !== 'made') endings.add(a.text.split(':')[0] ?? '');
      if (endings.size === 2) break;
    }
    expect([...endings].sort()).toEqual(['Promise broken', 'Promise kept']);

    // Every promised date is a round business time, as a person would promise it: 12:00 or 17:00 on a weekday.
    const dues = loadTeamLog(service.db, getAccount(service.db)!.id)
      .map((e) => e.event as { type?: string; payload?: { due?: number } })
      .filter((e) => e.type === 'promise')
      .map((e) => new Date(e.payload!.due!));
    expect(dues.length).toBeGreaterThan(20);
    for (const due of dues) {
      expect([12, 17]).toContain(due.getUTCHours());
      expect(due.getUTCMinutes() + due.getUTCSeconds() + due.getUTCMilliseconds()).toBe(0);
      expect([0, 6]).not.toContain(due.getUTCDay());
    }
  });
});
