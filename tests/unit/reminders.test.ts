import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { seedDemoMailbox } from '../../src/main/service/demoMailbox';
import { PromptlyService } from '../../src/main/service/service';
import { MemorySecretStore } from '../../src/main/secrets';
import type { NotifyRequest } from '../../src/shared/contract';
import type { TrayState } from '../../src/shared/policy';
import { setSetting } from '../../src/main/store/repos/settings';

describe('reminders over the demo mailbox', () => {
  it('shows the tray count, notifies once as a summary, and never repeats after a restart', async () => {
    const now = Date.UTC(2026, 10, 20, 15);
    const db = openDb(':memory:');
    await seedDemoMailbox(db, now);
    setSetting(db, 'me', { name: 'Alice', address: 'alice@harbourbikes.example', signature: '' });
    const start = (): { service: PromptlyService; tray: TrayState[]; notes: NotifyRequest[] } => {
      const service = new PromptlyService({
        db,
        secrets: new MemorySecretStore(),
        now: () => now,
        version: 't',
        demo: true,
      });
      const tray: TrayState[] = [];
      const notes: NotifyRequest[] = [];
      service.events.on('tray.changed', (t) => tray.push(t));
      service.events.on('notify', (n) => notes.push(n));
      service.startReminders();
      return { service, tray, notes };
    };
    const first = start();
    expect(first.tray).toHaveLength(1);
    expect(first.tray[0]!.count).toBeGreaterThan(3);
    expect(first.tray[0]!.overdue).toBeGreaterThan(0);
    expect(first.tray[0]!.urgent[0]!.subject).not.toBe('');
    // Many threads at once: one summary, not a burst.
    expect(first.notes).toHaveLength(1);
    expect(first.notes[0]).toMatchObject({ kind: 'summary', title: 'Replies due' });
    const counts = await first.service.call('views.counts', {});
    // The tray counts mine and unowned threads only; the Overdue view shows everyone's.
    expect(counts.overdue).toBeGreaterThanOrEqual(first.tray[0]!.overdue);
    const mineOrUnowned = (await first.service.call('threads.list', { view: 'overdue', limit: 1000 })).filter(
      (t) => t.team.owner === null || t.team.owner === 'alice@harbourbikes.example',
    );
    expect(mineOrUnowned.length).toBe(first.tray[0]!.overdue);
    await first.service.stopLive();

    const second = start();
    expect(second.notes).toEqual([]);
    await second.service.stopLive();
  });
});
