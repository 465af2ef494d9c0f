import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { seedDemoMailbox } from '../../src/main/service/demoMailbox';
import { PromptlyService } from '../../src/main/service/service';
import { MemorySecretStore } from '../../src/main/secrets';
import { tempDir } from '../support/tempDir';

describe('demo mailbox in the store', () => {
  it('loads through the real parse-and-store path into 300+ threads, newest first', async () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const db = openDb(':memory:');
    await seedDemoMailbox(db, now);
    const service = new PromptlyService({
      db,
      secrets: new MemorySecretStore(),
      now: () => now,
      version: 't',
      demo: true,
    });
    expect((await service.call('app.info', {})).mode).toBe('demo');
    // Nothing to sync in the demo, so search never says it is still indexing.
    const coverage = await service.call('search.coverage', {});
    expect(coverage.indexing).toBe(false);
    expect(coverage.searchable).toBe(coverage.total);
    expect(coverage.total).toBeGreaterThan(300);
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
    // The demo comes with a team history: owners, waiting and closed threads, notes.
    const counts = await service.call('views.counts', {});
    expect(counts.mine).toBeGreaterThan(5);
    expect(counts.closed).toBeGreaterThan(5);
    expect(counts.waiting).toBeGreaterThan(5);
    expect(counts.unassigned).toBeGreaterThan(5);
    expect(counts.overdue).toBeLessThan(counts.all / 3);
    expect((await service.call('team.roster', {})).map((t) => t.name)).toEqual([
      'Alice Moreno',
      'Ben Okafor',
      'Chloe Martin',
      'Sam Whitlock',
    ]);
    const owned = (await service.call('threads.list', { view: 'mine', limit: 1 }))[0]!;
    expect(owned.team.ownerName).toBe('Alice Moreno');
    expect((await service.call('thread.get', { id: owned.id })).activity[0]?.text).toBe('Alice Moreno claimed it');
    // Demo mode never reaches for a server.
    expect(await service.call('sync.now', {})).toEqual({ folders: [], durationMs: 0 });
  });
});

describe('trying the demo from the setup screen', () => {
  it('switches a service without an account to the demo, for calls made through an existing handler table', async () => {
    const dataDir = tempDir('demo-switch');
    const service = new PromptlyService({
      db: openDb(':memory:'),
      secrets: new MemorySecretStore(),
      now: () => Date.UTC(2026, 10, 22, 12),
      version: 't',
      dataDir,
    });
    const table = service.handlers(); // as the IPC layer keeps it
    expect((await table['app.info']({})).mode).toBe('setup');
    expect(await table['threads.list']({ view: 'all', sort: 'recent', limit: 10, offset: 0 })).toEqual([]);
    const info = await service.call('app.openDemo', {});
    expect(info.mode).toBe('demo');
    expect((await table['threads.list']({ view: 'all', sort: 'recent', limit: 10, offset: 0 })).length).toBe(10);
    expect((await table['views.counts']({})).overdue).toBeGreaterThan(0);
  });
});
