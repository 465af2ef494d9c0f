import { describe, expect, it } from 'vitest';
import { businessHoursCalendar, wallClockCalendar } from '../../../src/main/policy/calendar';
import { deadlineRules, type ThreadMessage } from '../../../src/main/policy/deadlines';
import {
  ageBucket,
  followThroughMetrics,
  percentile,
  threadOutcomes,
  weeklyPeriods,
  type MetricsThread,
} from '../../../src/main/policy/metrics';
import { policySchema } from '../../../src/shared/policy';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2025, 5, 2, 9); // Monday 09:00 UTC
const rules = deadlineRules(policySchema.parse({}));
const c = (h: number): ThreadMessage => ({ at: T0 + h * H, direction: 'customer', isAutomated: false });
const t = (h: number, promiseH?: number): ThreadMessage => ({
  at: T0 + h * H,
  direction: 'team',
  isAutomated: false,
  ...(promiseH === undefined ? {} : { isCourtesy: true, promiseAt: T0 + promiseH * H }),
});

/** A hand-built store: six threads with known outcomes (see each comment). */
const threads: MetricsThread[] = [
  // A: replied in 2 h (met), closed; Alice writes again 2 days later in thread D (repeat contact).
  {
    threadId: 'A',
    owner: 'x',
    customer: 'alice',
    messages: [c(0), t(2)],
    state: { status: 'closed', closedAt: T0 + 3 * H },
  },
  // B: replied after 30 h (missed), still open, owner x.
  { threadId: 'B', owner: 'x', customer: 'bob', messages: [c(0), t(30)], state: { status: 'open' } },
  // C: courtesy reply in 1 h promising 48 h, real reply at 40 h (kept), closed at 41 h, no repeat.
  {
    threadId: 'C',
    owner: 'y',
    customer: 'carol',
    messages: [c(0), t(1, 48), t(40)],
    state: { status: 'closed', closedAt: T0 + 41 * H },
  },
  // D: Alice again at 51 h, replied in 1 h, open, owner y.
  { threadId: 'D', owner: 'y', customer: 'alice', messages: [c(51), t(52)], state: { status: 'open' } },
  // E: courtesy reply at 5 h promising 24 h, nothing since (broken), open, unowned.
  { threadId: 'E', owner: null, customer: 'dave', messages: [c(0), t(5, 24)], state: { status: 'open' } },
  // F: closed after 1 h without a reply; Erin reopens it on day 10 (repeat contact, by reopening).
  {
    threadId: 'F',
    owner: 'x',
    customer: 'erin',
    messages: [c(0), c(240)],
    state: { status: 'open', closedAt: T0 + H },
  },
];

const week = { from: T0, to: T0 + 7 * D };
const now = T0 + 20 * D;
const outcomes = threads.map((th) => threadOutcomes(th, rules));

/** The store as it looked at `at`: later messages and closes had not happened yet. */
function asOf(at: number): ReturnType<typeof threadOutcomes>[] {
  return threads
    .map((th) => ({
      ...th,
      messages: th.messages.filter((msg) => msg.at <= at),
      state: th.state.closedAt !== undefined && th.state.closedAt > at ? { status: 'open' as const } : th.state,
    }))
    .map((th) => threadOutcomes(th, rules));
}

describe('follow-through metrics on a hand-built store', () => {
  const m = followThroughMetrics(outcomes, wallClockCalendar(), week, now);

  it('share of courtesy deadlines met', () => {
    expect(m.courtesy).toEqual({ met: 4, missed: 1, closedWithoutReply: 1, pending: 0, share: 0.8 });
  });

  it('median and p90 time to first human reply, wall clock', () => {
    // 2, 30, 1, 1, 5 hours -> sorted 1 1 2 5 30
    expect(m.firstReply.count).toBe(5);
    expect(m.firstReply.wallClock).toEqual({ median: 2 * H, p90: 20 * H });
  });

  it('median and p90 time to first human reply, business hours', () => {
    const nine = [{ start: '09:00', end: '17:00' }];
    const cal = businessHoursCalendar(
      { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [], sun: [] },
      [],
      'UTC',
    );
    // 2, 14 (Mon 09:00 -> Tue 15:00), 1, 1, 5 business hours
    const b = followThroughMetrics(outcomes, cal, week, now).firstReply.businessHours;
    expect(b.median).toBe(2 * H);
    expect(b.p90).toBeCloseTo(10.4 * H, 6);
  });

  it('promises kept', () => {
    expect(m.promises).toEqual({ kept: 1, broken: 1, pending: 0, share: 0.5 });
  });

  it('repeat-contact rate: a new thread within 7 days, or a reopen at any time', () => {
    expect(m.repeatContact).toEqual({ closes: 3, repeats: 2, rate: 2 / 3 });
  });

  it('open threads by owner and by age at the end of the period', () => {
    expect(m.open.total).toBe(3);
    expect(m.open.byOwner).toEqual({ x: 1, y: 1, unassigned: 1 });
    expect(m.open.byAge).toMatchObject({ '3–7 days': 1, '1–4 weeks': 2, 'under 1 day': 0 });
  });

  it('counts still-running clocks and promises as pending, not missed', () => {
    const early = followThroughMetrics(asOf(T0 + 10 * H), wallClockCalendar(), week, T0 + 10 * H);
    expect(early.courtesy).toMatchObject({ met: 3, pending: 1, missed: 0 }); // B is due at 24 h
    expect(early.promises).toMatchObject({ kept: 0, broken: 0, pending: 2, share: null });
  });

  it('does not judge a close whose 7 days are still running', () => {
    const soon = followThroughMetrics(asOf(T0 + 2 * D), wallClockCalendar(), week, T0 + 2 * D);
    // At 48 h Alice has not written again (51 h) and Erin has not reopened F (day 10).
    expect(soon.repeatContact).toEqual({ closes: 0, repeats: 0, rate: null });
  });

  it('reports nothing measurable as null, not zero', () => {
    const empty = followThroughMetrics([], wallClockCalendar(), week, now);
    expect(empty.courtesy.share).toBeNull();
    expect(empty.firstReply.wallClock).toEqual({ median: null, p90: null });
    expect(empty.repeatContact.rate).toBeNull();
  });
});

describe('metric helpers', () => {
  it('percentiles interpolate between ranks', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 9);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('age buckets', () => {
    expect([0.5, 2, 5, 10, 40].map((d) => ageBucket(d * D))).toEqual([
      'under 1 day',
      '1–3 days',
      '3–7 days',
      '1–4 weeks',
      'over 4 weeks',
    ]);
  });

  it('weekly periods are the last 12 local weeks, Monday to Monday, oldest first', () => {
    const periods = weeklyPeriods(Date.UTC(2025, 2, 30, 12), 'Europe/Berlin');
    expect(periods).toHaveLength(12);
    expect(new Date(periods[11]?.from ?? 0).toISOString()).toBe('2025-03-23T23:00:00.000Z');
    // The week holding the spring-forward Sunday is an hour short.
    expect((periods[11]?.to ?? 0) - (periods[11]?.from ?? 0)).toBe(7 * D - H);
    expect((periods[10]?.to ?? 0) - (periods[10]?.from ?? 0)).toBe(7 * D);
    expect(periods[10]?.to).toBe(periods[11]?.from);
  });
});
