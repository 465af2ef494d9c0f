import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  deadlineRules,
  deadlineStateAt,
  type ThreadMessage,
  type ThreadState,
} from '../../../src/main/policy/deadlines';
import { policySchema } from '../../../src/shared/policy';

const H = 3_600_000;
const T0 = Date.UTC(2025, 5, 2, 9); // Monday 2025-06-02 09:00 UTC
const rules = deadlineRules(policySchema.parse({})); // 24 h wall clock, 1 h lead

const customer = (h: number, extra: Partial<ThreadMessage> = {}): ThreadMessage => ({
  at: T0 + h * H,
  direction: 'customer',
  isAutomated: false,
  ...extra,
});
const team = (h: number, extra: Partial<ThreadMessage> = {}): ThreadMessage => ({
  at: T0 + h * H,
  direction: 'team',
  isAutomated: false,
  ...extra,
});
const open: ThreadState = { status: 'open' };
const due = (messages: ThreadMessage[], state: ThreadState = open, nowH = 0) =>
  computeDeadline({ messages, state }, rules, T0 + nowH * H);

describe('deadline rules', () => {
  it('a customer message starts the first-response clock', () => {
    expect(due([customer(0)])).toEqual({ dueAt: T0 + 24 * H, reason: 'first-response', state: 'calm' });
  });

  it('the clock starts at the earliest unanswered customer message, not the latest', () => {
    expect(due([customer(0), customer(5), customer(9)])?.dueAt).toBe(T0 + 24 * H);
  });

  it('a team reply meets the clock; the next customer message starts a next-response clock', () => {
    expect(due([customer(0), team(2)])).toBeNull();
    expect(due([customer(0), team(2), customer(3), customer(4)])).toMatchObject({
      dueAt: T0 + 27 * H,
      reason: 'next-response',
    });
  });

  it('colleagues writing to the shared mailbox are customers: same clock', () => {
    // The store maps a colleague's message to direction "customer"; nothing else differs.
    expect(due([customer(0)])?.dueAt).toBe(T0 + 24 * H);
  });

  it('auto-replies, bounces and list mail start no clock', () => {
    expect(due([customer(0, { isAutomated: true })])).toBeNull();
    expect(due([customer(0), team(1), customer(2, { isAutomated: true })])).toBeNull();
  });

  it('an automated message from our side meets nothing', () => {
    expect(due([customer(0), team(1, { isAutomated: true })])).toMatchObject({ reason: 'first-response' });
  });

  it('a courtesy reply meets the clock and starts the promise clock', () => {
    const messages = [customer(0), team(1, { isCourtesy: true, promiseAt: T0 + 72 * H })];
    expect(due(messages)).toEqual({ dueAt: T0 + 72 * H, reason: 'promise', state: 'calm' });
  });

  it('a courtesy reply without a date meets the clock and promises nothing', () => {
    expect(due([customer(0), team(1, { isCourtesy: true })])).toBeNull();
  });

  it('a promise is kept by a real reply before its time', () => {
    const messages = [customer(0), team(1, { isCourtesy: true, promiseAt: T0 + 72 * H }), team(30)];
    expect(due(messages, open, 31)).toBeNull();
  });

  it('a promise is kept by closing the thread', () => {
    const messages = [customer(0), team(1, { isCourtesy: true, promiseAt: T0 + 72 * H })];
    expect(due(messages, { status: 'closed', closedAt: T0 + 30 * H }, 31)).toBeNull();
  });

  it('a broken promise stays the deadline, overdue', () => {
    const messages = [customer(0), team(1, { isCourtesy: true, promiseAt: T0 + 72 * H })];
    expect(due(messages, open, 80)).toEqual({ dueAt: T0 + 72 * H, reason: 'promise', state: 'overdue' });
  });

  it('another courtesy reply moves the promise; it does not keep it', () => {
    const messages = [
      customer(0),
      team(1, { isCourtesy: true, promiseAt: T0 + 72 * H }),
      team(50, { isCourtesy: true, promiseAt: T0 + 100 * H }),
    ];
    expect(due(messages, open, 51)).toMatchObject({ dueAt: T0 + 100 * H, reason: 'promise' });
  });

  it('with a promise and a new customer message, the earlier due time wins', () => {
    const messages = [customer(0), team(1, { isCourtesy: true, promiseAt: T0 + 72 * H }), customer(2)];
    expect(due(messages)).toMatchObject({ dueAt: T0 + 26 * H, reason: 'next-response' });
    const soon = [customer(0), team(1, { isCourtesy: true, promiseAt: T0 + 10 * H }), customer(2)];
    expect(due(soon)).toMatchObject({ dueAt: T0 + 10 * H, reason: 'promise' });
  });

  it('closed threads have no deadline', () => {
    expect(due([customer(0)], { status: 'closed', closedAt: T0 + H })).toBeNull();
    expect(due([customer(0)], { status: 'closed' })).toBeNull();
  });

  it('a customer reply reopens a closed thread and starts a new clock', () => {
    const messages = [customer(0), team(1), customer(40)];
    expect(due(messages, { status: 'closed', closedAt: T0 + 2 * H }, 41)).toEqual({
      dueAt: T0 + 64 * H,
      reason: 'next-response',
      state: 'calm',
    });
  });

  it('an auto-reply does not reopen a closed thread', () => {
    const messages = [customer(0), team(1), customer(40, { isAutomated: true })];
    expect(due(messages, { status: 'closed', closedAt: T0 + 2 * H }, 41)).toBeNull();
  });

  it('closing ends an unanswered clock, so a reopen starts a fresh one', () => {
    const messages = [customer(0), customer(40)];
    expect(due(messages, { status: 'open', closedAt: T0 + 2 * H }, 41)).toMatchObject({
      dueAt: T0 + 64 * H,
      reason: 'first-response',
    });
  });

  it('a snooze hides the thread until its time, then it is due (a fresh reminder)', () => {
    const state: ThreadState = { status: 'open', snooze: { at: T0 + H, until: T0 + 48 * H } };
    expect(due([customer(0)], state, 2)).toEqual({ dueAt: T0 + 48 * H, reason: 'snooze', state: 'calm' });
    expect(due([customer(0)], state, 47.5)?.state).toBe('calm');
    expect(due([customer(0)], state, 48)?.state).toBe('overdue');
    expect(due([customer(0), team(0.5)], state, 2)).toMatchObject({ reason: 'snooze' });
  });

  it('a customer reply ends the snooze early', () => {
    const state: ThreadState = { status: 'open', snooze: { at: T0 + H, until: T0 + 48 * H } };
    expect(due([customer(0), customer(5)], state, 6)).toMatchObject({ dueAt: T0 + 24 * H, reason: 'first-response' });
    expect(due([customer(0), customer(5, { isAutomated: true })], state, 6)).toMatchObject({ reason: 'snooze' });
  });

  it('a closed thread stays closed even when snoozed', () => {
    expect(
      due([customer(0)], { status: 'closed', closedAt: T0 + H, snooze: { at: T0, until: T0 + 9 * H } }),
    ).toBeNull();
  });

  it('messages out of order are put in time order first', () => {
    expect(due([team(2), customer(0), customer(3)])).toMatchObject({ dueAt: T0 + 27 * H, reason: 'next-response' });
  });

  it('waiting threads keep their promise deadline', () => {
    const messages = [customer(0), team(1, { isCourtesy: true, promiseAt: T0 + 72 * H })];
    expect(due(messages, { status: 'waiting' })).toMatchObject({ reason: 'promise' });
  });

  it('goes calm, then due soon four hours before (the default window), then overdue', () => {
    expect(due([customer(0)], open, 19.9)?.state).toBe('calm');
    expect(due([customer(0)], open, 20)?.state).toBe('due-soon');
    expect(due([customer(0)], open, 24)?.state).toBe('overdue');
  });

  it('uses business hours for the courtesy window when the policy has them', () => {
    const nine = [{ start: '09:00', end: '17:00' }];
    const hours = { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [], sun: [] };
    const business = deadlineRules(policySchema.parse({ businessHours: hours, courtesyWindowMinutes: 480 }));
    const friday5pm = Date.UTC(2025, 5, 6, 17);
    const d = computeDeadline(
      { messages: [{ at: friday5pm, direction: 'customer', isAutomated: false }], state: open },
      business,
      friday5pm,
    );
    expect(d?.dueAt).toBe(Date.UTC(2025, 5, 9, 17));
  });

  it('the state function never has snoozes due soon', () => {
    expect(deadlineStateAt(100, 'snooze', 99, 10)).toBe('calm');
    expect(deadlineStateAt(100, 'promise', 95, 10)).toBe('due-soon');
  });
});
