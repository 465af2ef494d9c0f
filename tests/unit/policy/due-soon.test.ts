import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import fc from 'fast-check';
import { dueSoonStart, dueSoonWindow, leadStart } from '../../../src/main/policy/dueSoon';
import { DEFAULT_POLICY, policySchema, type Policy } from '../../../src/shared/policy';

const ZONE = 'Europe/Berlin';
const split = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '17:00' },
];
const weekdays: Policy = policySchema.parse({
  timeZone: ZONE,
  businessHours: { mon: split, tue: split, wed: split, thu: split, fri: split },
});

/** An instant given as a local time in Berlin (2026-11-30 is a Monday). */
function berlin(iso: string): number {
  return DateTime.fromISO(iso, { zone: ZONE }).toMillis();
}

describe('the Due soon window', () => {
  it('defaults to the rest of the business day when business hours are set', () => {
    expect(DEFAULT_POLICY.dueSoonWindow).toBe('business-day');
    expect(dueSoonWindow(weekdays, berlin('2026-11-30T10:00'))).toEqual({
      kind: 'business-day',
      until: berlin('2026-11-30T17:00'),
    });
    // The lunch break is still the same business day.
    expect(dueSoonWindow(weekdays, berlin('2026-11-30T13:00')).until).toBe(berlin('2026-11-30T17:00'));
    // Before opening: today's close.
    expect(dueSoonWindow(weekdays, berlin('2026-11-30T06:00')).until).toBe(berlin('2026-11-30T17:00'));
  });

  it('after closing time, on a weekend or a holiday, runs to the close of the next business day', () => {
    expect(dueSoonWindow(weekdays, berlin('2026-11-30T17:00')).until).toBe(berlin('2026-12-01T17:00'));
    expect(dueSoonWindow(weekdays, berlin('2026-12-04T18:30')).until).toBe(berlin('2026-12-07T17:00'));
    const holiday = { ...weekdays, holidays: ['2026-12-01'] };
    expect(dueSoonWindow(holiday, berlin('2026-11-30T20:00')).until).toBe(berlin('2026-12-02T17:00'));
  });

  it('a day that ends at midnight closes at the next midnight, across a DST change too', () => {
    const evenings = policySchema.parse({ timeZone: ZONE, businessHours: { sat: [{ start: '18:00', end: '24:00' }] } });
    // Saturday 2026-10-24; the clocks go back in the night of 24 to 25 October.
    expect(dueSoonWindow(evenings, berlin('2026-10-24T19:00')).until).toBe(berlin('2026-10-25T00:00'));
  });

  it('is the next 4 h without business hours, or when the team chose a fixed lead', () => {
    const now = berlin('2026-11-30T10:00');
    expect(dueSoonWindow(DEFAULT_POLICY, now)).toEqual({ kind: 'lead', minutes: 240, until: now + 4 * 3_600_000 });
    expect(dueSoonWindow({ ...weekdays, dueSoonWindow: 'lead', dueSoonLeadMinutes: 90 }, now)).toEqual({
      kind: 'lead',
      minutes: 90,
      until: now + 90 * 60_000,
    });
  });

  it('a deadline enters the business-day window when the business day before it closes', () => {
    const now = berlin('2026-11-30T10:00'); // Monday
    const start = dueSoonStart(weekdays, now);
    // Due Tuesday 11:00: it enters when Monday closes at 17:00.
    expect(start(berlin('2026-12-01T11:00'))).toBe(berlin('2026-11-30T17:00'));
    // Due Monday 16:00 (today): it is in the window already.
    expect(start(berlin('2026-11-30T16:00'))).toBeLessThanOrEqual(now);
    // Due Monday 17:00 sharp, the close itself: in the window already too.
    expect(start(berlin('2026-11-30T17:00'))).toBeLessThanOrEqual(now);
    // Due Monday 7 December 10:00: it enters when Friday closes.
    expect(start(berlin('2026-12-07T10:00'))).toBe(berlin('2026-12-04T17:00'));
    // A holiday on Tuesday: a Wednesday deadline enters at Monday's close.
    const holiday = dueSoonStart({ ...weekdays, holidays: ['2026-12-01'] }, now);
    expect(holiday(berlin('2026-12-02T09:30'))).toBe(berlin('2026-11-30T17:00'));
  });

  it('without business hours, or with a fixed lead, a deadline enters the lead before it', () => {
    const now = berlin('2026-11-30T10:00');
    const dueAt = berlin('2026-12-01T11:00');
    expect(dueSoonStart(DEFAULT_POLICY, now)(dueAt)).toBe(dueAt - 4 * 3_600_000);
    expect(dueSoonStart({ ...weekdays, dueSoonWindow: 'lead', dueSoonLeadMinutes: 90 }, now)(dueAt)).toBe(
      dueAt - 90 * 60_000,
    );
    expect(leadStart(30)(dueAt)).toBe(dueAt - 30 * 60_000);
  });

  it('"entered Due soon by t" agrees with the window at t, for any deadline and moment', () => {
    const from = berlin('2026-11-27T00:00');
    const hour = 3_600_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 14 }),
        fc.integer({ min: 1, max: 24 * 10 }),
        fc.boolean(),
        (atHours, aheadHours, withHoliday) => {
          const policy = withHoliday ? { ...weekdays, holidays: ['2026-12-01', '2026-12-08'] } : weekdays;
          const t = from + atHours * hour + 17 * 60_000;
          const dueAt = t + aheadHours * hour - 23 * 60_000;
          const entered = dueSoonStart(policy, t)(dueAt) <= t;
          expect(entered).toBe(dueAt <= dueSoonWindow(policy, t).until);
          // Built at any earlier moment, it names the same instant.
          expect(dueSoonStart(policy, from)(dueAt)).toBe(dueSoonStart(policy, t)(dueAt));
        },
      ),
      { numRuns: 300 },
    );
  });
});
