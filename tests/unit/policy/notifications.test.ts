import { describe, expect, it } from 'vitest';
import {
  emptySchedulerState,
  isQuietAt,
  parseSchedulerState,
  planNotifications,
  type NotificationInput,
  type NotificationThread,
  type SchedulerState,
} from '../../../src/main/policy/notifications';
import { trayState } from '../../../src/main/policy/tray';
import { dueSoonStart, leadStart } from '../../../src/main/policy/dueSoon';
import { policySchema, quietHoursSchema, type DeadlineReason } from '../../../src/shared/policy';

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.UTC(2025, 5, 2, 12); // Monday 12:00 UTC
const ME = 'me@team.example';

const thread = (id: string, dueInH: number, owner: string | null = ME, reason: DeadlineReason = 'first-response') =>
  ({ threadId: id, owner, deadline: { dueAt: T0 + dueInH * H, reason } }) satisfies NotificationThread;

const input = (threads: NotificationThread[], quiet = false): NotificationInput => ({
  me: ME,
  threads,
  dueSoon: leadStart(60),
  quietHours: quiet ? quietHoursSchema.parse({ start: '22:00', end: '07:00', timeZone: 'UTC' }) : null,
});

/** Drives the scheduler like the shell does, persisting the state as JSON between steps. */
function run(threads: NotificationThread[], times: number[], quiet = false) {
  let stored = JSON.stringify(emptySchedulerState());
  return times.map((now) => {
    const plan = planNotifications(parseSchedulerState(JSON.parse(stored)), input(threads, quiet), now);
    stored = JSON.stringify(plan.nextState);
    return plan;
  });
}

describe('notification scheduler', () => {
  it('fires due soon at the lead time, then overdue once, and nothing in between', () => {
    const plans = run([thread('a', 3)], [T0, T0 + 2 * H, T0 + 2.5 * H, T0 + 3 * H, T0 + 5 * H]);
    expect(plans.map((p) => p.fire.map((n) => (n.type === 'thread' ? n.kind : n.type)))).toEqual([
      [],
      ['due-soon'],
      [],
      ['overdue'],
      [],
    ]);
    expect(plans[0]?.nextCheckAt).toBe(T0 + 2 * H);
    expect(plans[1]?.nextCheckAt).toBe(T0 + 3 * H);
    expect(plans[3]?.nextCheckAt).toBeNull();
  });

  it('never repeats a notification across a restart (state persisted as JSON)', () => {
    const first = run([thread('a', 0.5)], [T0]);
    expect(first[0]?.fire).toHaveLength(1);
    const restarted = planNotifications(
      parseSchedulerState(JSON.parse(JSON.stringify(first[0]?.nextState))),
      input([thread('a', 0.5)]),
      T0 + MIN,
    );
    expect(restarted.fire).toEqual([]);
  });

  it('a thread first seen already overdue gets one overdue notification, not two', () => {
    const plans = run([thread('a', -2)], [T0, T0 + H]);
    expect(plans[0]?.fire).toEqual([expect.objectContaining({ kind: 'overdue', threadId: 'a' })]);
    expect(plans[1]?.fire).toEqual([]);
  });

  it('a new deadline on the same thread notifies again', () => {
    let state: SchedulerState = emptySchedulerState();
    state = planNotifications(state, input([thread('a', 0.5)]), T0).nextState;
    state = planNotifications(state, input([{ threadId: 'a', owner: ME, deadline: null }]), T0 + MIN).nextState;
    const again = planNotifications(state, input([thread('a', 0.6)]), T0 + 2 * MIN);
    expect(again.fire).toEqual([expect.objectContaining({ kind: 'due-soon' })]);
  });

  it('a deadline that comes back (promise after a reply clock) does not notify twice', () => {
    let state = planNotifications(emptySchedulerState(), input([thread('a', 0.5, ME, 'promise')]), T0).nextState;
    state = planNotifications(state, input([thread('a', 0.2)]), T0 + MIN).nextState;
    const back = planNotifications(state, input([thread('a', 0.5, ME, 'promise')]), T0 + 2 * MIN);
    expect(back.fire).toEqual([]);
  });

  it("notifies only for my threads and unowned ones, not a teammate's", () => {
    const plans = run([thread('mine', 0.5), thread('free', 0.5, null), thread('bob', 0.5, 'bob@team.example')], [T0]);
    expect(plans[0]?.fire.map((n) => (n.type === 'thread' ? n.threadId : ''))).toEqual(['mine', 'free']);
  });

  it('coalesces a burst of more than three into one summary', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id, i) => thread(id, i < 2 ? -1 : 0.5));
    const [plan] = run(five, [T0]);
    expect(plan?.fire).toEqual([
      expect.objectContaining({ type: 'summary', count: 5, overdue: 2, text: '5 replies due (2 overdue)' }),
    ]);
    const three = run(five.slice(0, 3), [T0]);
    expect(three[0]?.fire.every((n) => n.type === 'thread')).toBe(true);
    expect(three[0]?.fire).toHaveLength(3);
  });

  it('holds notifications in quiet hours and releases them as one summary', () => {
    const night = Date.UTC(2025, 5, 2, 23);
    const threads = [
      { ...thread('a', 0), deadline: { dueAt: night + 0.5 * H, reason: 'first-response' as const } },
      { ...thread('b', 0), deadline: { dueAt: night + 3 * H, reason: 'promise' as const } },
    ];
    const times = [night, night + 2.5 * H, Date.UTC(2025, 5, 3, 7), Date.UTC(2025, 5, 3, 8)];
    const plans = run(threads, times, true);
    expect(plans[0]?.fire).toEqual([]);
    expect(plans[0]?.nextState.held).toHaveLength(1);
    expect(plans[0]?.nextCheckAt).toBe(night + 0.5 * H);
    expect(plans[1]?.fire).toEqual([]);
    expect(plans[1]?.nextState.held).toHaveLength(2);
    expect(plans[1]?.nextCheckAt).toBe(night + 3 * H);
    expect(plans[2]?.fire).toEqual([
      expect.objectContaining({ type: 'summary', count: 2, overdue: 2, afterQuietHours: true, threadIds: ['a', 'b'] }),
    ]);
    expect(plans[3]?.fire).toEqual([]);
  });

  it('drops held notifications for threads answered meanwhile', () => {
    const night = Date.UTC(2025, 5, 2, 23);
    const due = { ...thread('a', 0), deadline: { dueAt: night + 0.5 * H, reason: 'first-response' as const } };
    const held = planNotifications(emptySchedulerState(), input([due], true), night).nextState;
    const morning = planNotifications(held, input([{ ...due, deadline: null }], true), Date.UTC(2025, 5, 3, 8));
    expect(morning.fire).toEqual([]);
  });

  it('with the business-day window, announces a deadline when it enters Due soon: at the close of the day before', () => {
    // Business hours Mon–Fri 09:00–17:00 UTC; T0 is Monday 12:00. Due Tuesday 11:00.
    const nine5 = [{ start: '09:00', end: '17:00' }];
    const policy = policySchema.parse({
      businessHours: { mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5 },
    });
    const tuesday = thread('t', 23);
    const plan = (at: number, state: SchedulerState) =>
      planNotifications(state, { ...input([tuesday]), dueSoon: dueSoonStart(policy, at) }, at);
    const monday = plan(T0, emptySchedulerState());
    // Four hours ahead is not yet "due soon" here: the business day ends first.
    expect(monday.fire).toEqual([]);
    expect(monday.nextCheckAt).toBe(T0 + 5 * H);
    const beforeClose = plan(T0 + 5 * H - MIN, monday.nextState);
    expect(beforeClose.fire).toEqual([]);
    const atClose = plan(T0 + 5 * H, beforeClose.nextState);
    expect(atClose.fire).toEqual([expect.objectContaining({ kind: 'due-soon', threadId: 't' })]);
    expect(atClose.nextCheckAt).toBe(T0 + 23 * H);
    expect(plan(T0 + 20 * H, atClose.nextState).fire).toEqual([]);
    expect(plan(T0 + 23 * H, atClose.nextState).fire).toEqual([expect.objectContaining({ kind: 'overdue' })]);
    // The same deadline with a fixed 4 h lead would have come Tuesday 07:00.
    const lead = planNotifications(emptySchedulerState(), { ...input([tuesday]), dueSoon: leadStart(240) }, T0);
    expect(lead.nextCheckAt).toBe(T0 + 19 * H);
  });

  it('reads quiet hours that span midnight on the chosen days', () => {
    const weekdays = quietHoursSchema.parse({ start: '22:00', end: '07:00', timeZone: 'Europe/Berlin', days: ['mon'] });
    expect(isQuietAt(weekdays, Date.UTC(2025, 5, 2, 21))).toBe(true); // Mon 23:00 Berlin
    expect(isQuietAt(weekdays, Date.UTC(2025, 5, 3, 4))).toBe(true); // Tue 06:00, started Monday
    expect(isQuietAt(weekdays, Date.UTC(2025, 5, 3, 6))).toBe(false); // Tue 08:00
    expect(isQuietAt(weekdays, Date.UTC(2025, 5, 3, 21))).toBe(false); // Tue 23:00, not a quiet day
  });

  it('starts afresh from unreadable persisted state', () => {
    expect(parseSchedulerState({ v: 99 })).toEqual(emptySchedulerState());
    expect(parseSchedulerState('garbage')).toEqual(emptySchedulerState());
  });
});

describe('tray state', () => {
  it('counts my due-soon and overdue replies and lists the three most urgent', () => {
    const threads = [
      thread('calm', 5),
      thread('soon', 0.5),
      thread('late', -3),
      thread('later', -1),
      thread('free', 0.2, null),
      thread('bob', -10, 'bob@team.example'),
      { threadId: 'none', owner: ME, deadline: null },
      thread('snoozed', 0.5, ME, 'snooze'),
    ];
    const tray = trayState(threads, ME, T0, leadStart(60));
    expect(tray.count).toBe(4);
    expect(tray.overdue).toBe(2);
    expect(tray.urgent.map((u) => u.threadId)).toEqual(['late', 'later', 'free']);
    expect(tray.urgent[0]).toMatchObject({ state: 'overdue', reason: 'first-response' });
  });
});
