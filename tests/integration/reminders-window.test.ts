import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine, TestClock } from '../support/engine';
import type { NotifyRequest } from '../../src/shared/contract';
import type { TrayState } from '../../src/shared/policy';

const H = 3_600_000;
const MIN = 60_000;

/** 15:00 UTC on the Monday between 7 and 13 days ago: a Date header the server takes as written. */
function pastMondayAfternoon(): number {
  const today = new Date();
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  return midnight - (sinceMonday + 7) * 24 * H + 15 * H;
}

describe('reminders follow the Due soon window (real mailbox, engine clock injected)', () => {
  it('with business hours, "Reply due soon" comes when the business day before the deadline closes, not a fixed lead before it', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const monday = pastMondayAfternoon();
    const clock = new TestClock(monday + MIN);
    const { service } = await startEngine(world, support, { now: clock.now });
    await service.call('me.set', { name: 'Alice', address: 'alice@acme.example', signature: '' });
    await service.syncNow();
    const nineToFive = [{ start: '09:00', end: '17:00' }];
    const policy = await service.call('policy.set', {
      ...service.deadlines.policy(),
      timeZone: 'UTC',
      courtesyWindowMinutes: 240,
      dueSoonWindow: 'business-day',
      dueSoonLeadMinutes: 240,
      businessHours: {
        mon: nineToFive,
        tue: nineToFive,
        wed: nineToFive,
        thu: nineToFive,
        fri: nineToFive,
        sat: [],
        sun: [],
      },
    });
    await service.syncNow();
    expect(service.deadlines.policy()).toEqual(policy);

    await world.deliverMail({
      date: new Date(monday),
      from: 'Cara Diaz <cara@customer.example>',
      to: support.address,
      subject: 'Wheel truing',
      text: 'Can you true my rear wheel this week?',
    });
    await service.syncNow();
    const [thread] = await service.call('threads.list', {});
    // Four business hours from Monday 15:00: two on Monday, two on Tuesday morning.
    expect(thread!.due).toMatchObject({ reason: 'first-response', dueAt: monday + 20 * H });

    const notes: NotifyRequest[] = [];
    const trays: TrayState[] = [];
    service.events.on('notify', (n) => notes.push(n));
    service.events.on('tray.changed', (t) => trays.push(t));
    const dueSoonIds = async () => (await service.call('threads.list', { view: 'due' })).map((t) => t.id);
    service.startReminders();
    expect(notes).toEqual([]);
    expect(trays.at(-1)?.count ?? 0).toBe(0);

    clock.advance(2 * H - 2 * MIN); // Monday 16:59
    service.checkReminders();
    expect(notes).toEqual([]);
    expect(await dueSoonIds()).toEqual([]);

    clock.advance(MIN); // Monday 17:00: the business day closes, Tuesday's deadline is due soon
    service.checkReminders();
    expect(notes).toEqual([
      expect.objectContaining({
        title: 'Reply due soon',
        kind: 'due-soon',
        body: expect.stringContaining('Wheel truing'),
      }),
    ]);
    expect(trays.at(-1)).toMatchObject({ count: 1, overdue: 0 });
    expect(await dueSoonIds()).toEqual([thread!.id]);

    // Tuesday 07:00 (where a fixed 4 h lead would have fired): nothing new.
    clock.advance(14 * H);
    service.checkReminders();
    expect(notes).toHaveLength(1);

    clock.advance(4 * H); // Tuesday 11:00: overdue, once
    service.checkReminders();
    service.checkReminders();
    expect(notes.map((n) => n.kind)).toEqual(['due-soon', 'overdue']);
    await service.stopLive();
  });
});
