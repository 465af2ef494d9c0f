import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  businessHoursCalendar,
  calendarForPolicy,
  CalendarError,
  holidaysFromICalendar,
  wallClockCalendar,
} from '../../../src/main/policy/calendar';
import { policySchema, type BusinessHours } from '../../../src/shared/policy';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays: BusinessHours = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: [],
  sun: [],
};
const night = [{ start: '00:00', end: '06:00' }];
const nightsEveryDay: BusinessHours = {
  mon: night,
  tue: night,
  wed: night,
  thu: night,
  fri: night,
  sat: night,
  sun: night,
};
const splitDay = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const lunchBreak: BusinessHours = { ...weekdays, mon: splitDay, tue: splitDay };

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

function at(local: string, zone: string): number {
  return DateTime.fromISO(local, { zone }).toMillis();
}
function show(ms: number, zone: string): string | null {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
}

interface Case {
  name: string;
  zone: string;
  hours: BusinessHours;
  holidays?: string[];
  start: string;
  minutes: number;
  expected: string;
}

const cases: Case[] = [
  {
    name: 'Friday 09:00 + 8 h is Friday 17:00',
    zone: NY,
    hours: weekdays,
    start: '2025-06-06T09:00',
    minutes: 480,
    expected: '2025-06-06T17:00:00-04:00',
  },
  {
    name: 'Friday 17:00 starts counting Monday 09:00: + 1 min',
    zone: NY,
    hours: weekdays,
    start: '2025-06-06T17:00',
    minutes: 1,
    expected: '2025-06-09T09:01:00-04:00',
  },
  {
    name: 'Friday 17:00 + 8 h is Monday 17:00 (the whole Monday)',
    zone: NY,
    hours: weekdays,
    start: '2025-06-06T17:00',
    minutes: 480,
    expected: '2025-06-09T17:00:00-04:00',
  },
  {
    name: 'Friday 17:00 + 9 h is Tuesday 10:00',
    zone: NY,
    hours: weekdays,
    start: '2025-06-06T17:00',
    minutes: 540,
    expected: '2025-06-10T10:00:00-04:00',
  },
  {
    name: 'Friday 16:00 + 8 h is Monday 16:00',
    zone: NY,
    hours: weekdays,
    start: '2025-06-06T16:00',
    minutes: 480,
    expected: '2025-06-09T16:00:00-04:00',
  },
  {
    name: 'a holiday is skipped',
    zone: NY,
    hours: weekdays,
    holidays: ['2025-12-25'],
    start: '2025-12-24T13:00',
    minutes: 480,
    expected: '2025-12-26T13:00:00-05:00',
  },
  {
    name: 'a span across two holidays and a weekend',
    zone: NY,
    hours: weekdays,
    holidays: ['2025-12-25', '2025-12-26'],
    start: '2025-12-24T16:00',
    minutes: 120,
    expected: '2025-12-29T10:00:00-05:00',
  },
  {
    name: 'a window starting on Saturday starts Monday',
    zone: NY,
    hours: weekdays,
    start: '2025-06-07T10:00',
    minutes: 60,
    expected: '2025-06-09T10:00:00-04:00',
  },
  {
    name: 'a window starting before opening',
    zone: NY,
    hours: weekdays,
    start: '2025-06-10T06:00',
    minutes: 60,
    expected: '2025-06-10T10:00:00-04:00',
  },
  {
    name: 'a window starting after closing',
    zone: NY,
    hours: weekdays,
    start: '2025-06-10T20:00',
    minutes: 60,
    expected: '2025-06-11T10:00:00-04:00',
  },
  {
    name: 'several intervals a day skip lunch',
    zone: NY,
    hours: lunchBreak,
    start: '2025-06-09T11:00',
    minutes: 120,
    expected: '2025-06-09T14:00:00-04:00',
  },
  {
    name: 'starting in the lunch break',
    zone: NY,
    hours: lunchBreak,
    start: '2025-06-09T12:30',
    minutes: 30,
    expected: '2025-06-09T13:30:00-04:00',
  },
  {
    name: 'New York spring forward, 9–17 across the weekend',
    zone: NY,
    hours: weekdays,
    start: '2025-03-07T16:00',
    minutes: 120,
    expected: '2025-03-10T10:00:00-04:00',
  },
  {
    name: 'New York spring forward inside hours: the night is an hour short',
    zone: NY,
    hours: nightsEveryDay,
    start: '2025-03-09T00:00',
    minutes: 300,
    expected: '2025-03-09T06:00:00-04:00',
  },
  {
    name: 'New York fall back inside hours: the night is an hour long',
    zone: NY,
    hours: nightsEveryDay,
    start: '2025-11-02T00:00',
    minutes: 360,
    expected: '2025-11-02T05:00:00-05:00',
  },
  {
    name: 'New York fall back, 9–17 across the weekend',
    zone: NY,
    hours: weekdays,
    start: '2025-10-31T16:00',
    minutes: 120,
    expected: '2025-11-03T10:00:00-05:00',
  },
  {
    name: 'Berlin spring forward inside hours',
    zone: BERLIN,
    hours: nightsEveryDay,
    start: '2025-03-30T00:00',
    minutes: 300,
    expected: '2025-03-30T06:00:00+02:00',
  },
  {
    name: 'Berlin fall back inside hours',
    zone: BERLIN,
    hours: nightsEveryDay,
    start: '2025-10-26T00:00',
    minutes: 360,
    expected: '2025-10-26T05:00:00+01:00',
  },
  {
    name: 'Berlin spring forward, 9–17 across the weekend',
    zone: BERLIN,
    hours: weekdays,
    start: '2025-03-28T16:00',
    minutes: 120,
    expected: '2025-03-31T10:00:00+02:00',
  },
  {
    name: 'Berlin fall back, 9–17 across the weekend',
    zone: BERLIN,
    hours: weekdays,
    start: '2025-10-24T16:00',
    minutes: 120,
    expected: '2025-10-27T10:00:00+01:00',
  },
];

describe('business calendar: adding business time', () => {
  it.each(cases)('$name', ({ zone, hours, holidays, start, minutes, expected }) => {
    const calendar = businessHoursCalendar(hours, holidays ?? [], zone);
    expect(show(calendar.addMinutes(at(start, zone), minutes), zone)).toBe(expected);
  });

  it('gives the same answers when the calendar has grown in another order', () => {
    const calendar = businessHoursCalendar(weekdays, ['2025-12-25'], NY);
    calendar.addMinutes(at('2027-01-04T09:00', NY), 60);
    expect(show(calendar.addMinutes(at('2025-06-06T17:00', NY), 480), NY)).toBe('2025-06-09T17:00:00-04:00');
  });

  it('adds nothing for zero minutes, even outside business hours', () => {
    const calendar = businessHoursCalendar(weekdays, [], NY);
    expect(calendar.addMinutes(at('2025-06-07T10:00', NY), 0)).toBe(at('2025-06-07T10:00', NY));
  });

  it('measures business time between two instants', () => {
    const calendar = businessHoursCalendar(weekdays, [], NY);
    expect(calendar.msBetween(at('2025-06-06T16:00', NY), at('2025-06-09T10:00', NY))).toBe(2 * 3_600_000);
    expect(calendar.msBetween(at('2025-06-07T10:00', NY), at('2025-06-07T18:00', NY))).toBe(0);
    expect(calendar.msBetween(at('2025-06-09T10:00', NY), at('2025-06-06T16:00', NY))).toBe(0);
  });

  it('refuses a policy where no business time can ever be found', () => {
    const empty = { ...weekdays, mon: [], tue: [], wed: [], thu: [], fri: [] };
    expect(() => businessHoursCalendar(empty, [], NY)).toThrow(CalendarError);
    const mondaysOnly = { ...empty, mon: nineToFive };
    const everyMonday = Array.from({ length: 400 }, (_, i) =>
      DateTime.fromISO('2025-06-09').plus({ weeks: i }).toISODate(),
    ).filter((d): d is string => d !== null);
    const calendar = businessHoursCalendar(mondaysOnly, everyMonday, NY);
    expect(() => calendar.addMinutes(at('2025-06-09T10:00', NY), 60)).toThrow(/five years/);
  });
});

describe('wall-clock calendar', () => {
  it('a 24 h window is 24 elapsed hours, even across a DST change', () => {
    const start = at('2025-03-08T12:00', NY);
    expect(show(wallClockCalendar().addMinutes(start, 24 * 60), NY)).toBe('2025-03-09T13:00:00-04:00');
    expect(wallClockCalendar().msBetween(start, start + 5000)).toBe(5000);
  });

  it('is what a policy without business hours gets', () => {
    const policy = policySchema.parse({ timeZone: NY });
    expect(calendarForPolicy(policy).kind).toBe('wall-clock');
    expect(calendarForPolicy({ ...policy, businessHours: weekdays }).kind).toBe('business-hours');
  });
});

const ics = (events: string): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', events.trim(), 'END:VCALENDAR', ''].join('\r\n');

describe('holiday import from iCalendar', () => {
  it('reads all-day events, with DTEND exclusive', () => {
    const text = ics(`
BEGIN:VEVENT
UID:xmas
DTSTART;VALUE=DATE:20251225
DTEND;VALUE=DATE:20251227
SUMMARY:Christmas
END:VEVENT
BEGIN:VEVENT
UID:day
DTSTART;VALUE=DATE:20250704
SUMMARY:Independence Day
END:VEVENT`);
    expect(holidaysFromICalendar(text)).toEqual(['2025-07-04', '2025-12-25', '2025-12-26']);
  });

  it('expands yearly rules within the range, minus EXDATEs', () => {
    const text = ics(`
BEGIN:VEVENT
UID:ny
DTSTART;VALUE=DATE:20240101
RRULE:FREQ=YEARLY
EXDATE;VALUE=DATE:20260101
SUMMARY:New Year
END:VEVENT`);
    expect(holidaysFromICalendar(text, { from: '2025-01-01', to: '2027-12-31' })).toEqual(['2025-01-01', '2027-01-01']);
  });

  it('takes the date of timed events and folds duplicates', () => {
    const text = ics(`
BEGIN:VEVENT
UID:a
DTSTART:20251231T090000
DTEND:20251231T120000
SUMMARY:Half day
END:VEVENT
BEGIN:VEVENT
UID:b
DTSTART;VALUE=DATE:20251231
SUMMARY:Same day again
END:VEVENT`);
    expect(holidaysFromICalendar(text)).toEqual(['2025-12-31']);
  });

  it('feeds a calendar that skips the imported days', () => {
    const holidays = holidaysFromICalendar(ics('BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20251225\r\nEND:VEVENT'));
    const calendar = businessHoursCalendar(weekdays, holidays, NY);
    expect(show(calendar.addMinutes(at('2025-12-24T16:00', NY), 120), NY)).toBe('2025-12-26T10:00:00-05:00');
  });

  it('throws on text that is not iCalendar', () => {
    expect(() => holidaysFromICalendar('hello')).toThrow();
  });
});
