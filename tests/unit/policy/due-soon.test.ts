import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { dueSoonWindow } from '../../../src/main/policy/dueSoon';
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
});
