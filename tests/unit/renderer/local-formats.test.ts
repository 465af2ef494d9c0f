import { describe, expect, it } from 'vitest';
import {
  calendarDayText,
  clockChoices,
  clockText,
  parseCalendarDay,
  parseClockText,
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
