import { describe, expect, it } from 'vitest';
import {
  calendarDayText,
  clockChoices,
  clockText,
  parseCalendarDay,
  parseClockText,
  dateTimeExample,
  dayChoices,
  joinDayAndClock,
  localDay,
  splitDayAndClock,
  usesDayPeriods,
} from '../../../src/renderer/src/localFormats';

const DE = ['de-DE'];
const US = ['en-US'];
const GB = ['en-GB'];

describe('clock times in the app’s locale', () => {
  it('shows a stored time the way the locale writes it', () => {
    expect(clockText('17:30', DE)).toBe('17:30');
    expect(clockText('17:30', US)).toBe('05:30 PM');
    expect(clockText('00:00', US)).toBe('12:00 AM');
    expect(clockText('24:00', DE)).toBe('00:00');
    expect(usesDayPeriods(US)).toBe(true);
    expect(usesDayPeriods(DE)).toBe(false);
    expect(usesDayPeriods(GB)).toBe(false);
  });

  it('reads what a person types: 24-hour and 12-hour forms, the locale’s own AM/PM words', () => {
    for (const typed of ['17:30', '17.30', '1730', '17h30', '5:30 PM', '5:30 pm', '5.30pm', '5:30 p.m.', '05:30 PM'])
      expect(parseClockText(typed, { locales: US })).toBe('17:30');
    expect(parseClockText('9', { locales: DE })).toBe('09:00');
    expect(parseClockText('930', { locales: DE })).toBe('09:30');
    expect(parseClockText('17 Uhr', { locales: DE })).toBe('17:00');
    expect(parseClockText(clockText('17:30', ['es-US']), { locales: ['es-US'] })).toBe('17:30');
    expect(parseClockText('12:15 AM', { locales: US })).toBe('00:15');
    expect(parseClockText('12:15 PM', { locales: US })).toBe('12:15');
    for (const bad of ['', 'noon', '25:00', '17:60', '13 PM', '0 AM', '12345', '5:30 xm'])
      expect(parseClockText(bad, { locales: US })).toBeNull();
  });

  it('as a closing time, midnight is the end of the day', () => {
    expect(parseClockText('00:00', { endOfDay: true, locales: DE })).toBe('24:00');
    expect(parseClockText('12:00 AM', { endOfDay: true, locales: US })).toBe('24:00');
    expect(parseClockText('24:00', { endOfDay: true, locales: DE })).toBe('24:00');
    expect(parseClockText('24:00', { locales: DE })).toBe('00:00');
    expect(parseClockText('00:00', { locales: DE })).toBe('00:00');
  });

  it('offers the day in half hours, written the locale’s way, and reads each choice back', () => {
    const us = clockChoices(30, US);
    expect(us).toHaveLength(48);
    expect(us.slice(0, 2)).toEqual(['12:00 AM', '12:30 AM']);
    expect(clockChoices(30, DE)[35]).toBe('17:30');
    for (const choice of us) expect(parseClockText(choice, { locales: US })).not.toBeNull();
  });
});

describe('calendar days in the app’s locale', () => {
  it('shows and reads days in the locale’s order; ISO is read everywhere', () => {
    expect(calendarDayText('2026-12-24', DE)).toBe('24.12.2026');
    expect(calendarDayText('2026-12-24', US)).toBe('12/24/2026');
    expect(calendarDayText('2026-12-24', GB)).toBe('24/12/2026');
    expect(parseCalendarDay('24.12.2026', DE)).toBe('2026-12-24');
    expect(parseCalendarDay('12/24/2026', US)).toBe('2026-12-24');
    expect(parseCalendarDay('24/12/2026', GB)).toBe('2026-12-24');
    expect(parseCalendarDay('1.5.2027', DE)).toBe('2027-05-01');
    expect(parseCalendarDay('2026-12-24', US)).toBe('2026-12-24');
    expect(parseCalendarDay(calendarDayText('2026-03-07', ['ja-JP']), ['ja-JP'])).toBe('2026-03-07');
  });

  it('refuses what is no day', () => {
    for (const bad of ['24/12/2026', '31.02.2026', '24.12.26', 'Christmas', '24.12', '2026-13-01'])
      expect(parseCalendarDay(bad, bad === '24/12/2026' ? US : DE)).toBeNull();
  });
});

describe('a moment picked as a day and a time (composer, snooze)', () => {
  it('offers the next days from today, written the locale’s way with their weekdays, each read back', () => {
    const now = new Date(2026, 11, 30, 22, 15).getTime();
    const de = dayChoices(now, 3, DE);
    expect(de).toEqual([
      { day: '2026-12-30', text: '30.12.2026', weekday: 'Mittwoch' },
      { day: '2026-12-31', text: '31.12.2026', weekday: 'Donnerstag' },
      { day: '2027-01-01', text: '01.01.2027', weekday: 'Freitag' },
    ]);
    expect(dayChoices(now, 1, US)[0]).toEqual({ day: '2026-12-30', text: '12/30/2026', weekday: 'Wednesday' });
    expect(dayChoices(now)).toHaveLength(14);
    for (const choice of dayChoices(now, 14, GB)) expect(parseCalendarDay(choice.text, GB)).toBe(choice.day);
  });

  it('skips no day and repeats none where summer time ends in the night', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      // 00:30 on the day the clocks go back: 24 hours later is still the same day.
      const now = new Date(2026, 9, 25, 0, 30).getTime();
      expect(localDay(now)).toBe('2026-10-25');
      expect(dayChoices(now, 3, DE).map((c) => c.day)).toEqual(['2026-10-25', '2026-10-26', '2026-10-27']);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('joins a day and a time into one local value only when both are there, and splits it back', () => {
    expect(joinDayAndClock('2026-12-24', '17:30')).toBe('2026-12-24T17:30');
    expect(joinDayAndClock(null, '17:30')).toBe('');
    expect(joinDayAndClock('2026-12-24', null)).toBe('');
    expect(splitDayAndClock('2026-12-24T17:30')).toEqual({ day: '2026-12-24', time: '17:30' });
    expect(splitDayAndClock('')).toEqual({ day: null, time: null });
  });

  it('names the format by example, the person’s way', () => {
    const now = new Date(2026, 11, 31, 9, 0).getTime();
    expect(dateTimeExample(now, DE)).toBe('for example 01.01.2027 at 17:00');
    expect(dateTimeExample(now, US)).toBe('for example 01/01/2027 at 05:00 PM');
  });
});
