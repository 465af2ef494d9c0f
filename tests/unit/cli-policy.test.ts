import { describe, expect, it } from 'vitest';
import { parseBusinessHours, policyFromFlags } from '../../src/main/cli/verbs/policy';
import { DEFAULT_POLICY } from '../../src/shared/policy';

describe('policy set flags', () => {
  it('parses business hours with ranges and split days', () => {
    const hours = parseBusinessHours('mon-fri 09:00-12:00,13:00-17:00; sat 10:00-14:00');
    expect(hours?.mon).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(hours?.sat).toEqual([{ start: '10:00', end: '14:00' }]);
    expect(hours?.sun).toEqual([]);
    expect(parseBusinessHours('none')).toBeNull();
    expect(() => parseBusinessHours('weekdays 9-5')).toThrow(/not a day/);
  });

  it('applies flags onto the current policy and names the bad field', () => {
    const next = policyFromFlags(DEFAULT_POLICY, {
      'window-hours': '8',
      timezone: 'Europe/Berlin',
      holiday: ['2026-12-25'],
      hours: 'mon-fri 09:00-17:00',
    });
    expect(next).toMatchObject({ courtesyWindowMinutes: 480, timeZone: 'Europe/Berlin', holidays: ['2026-12-25'] });
    expect(() => policyFromFlags(DEFAULT_POLICY, { timezone: 'Mars/Olympus' })).toThrow(
      /timeZone: Use an IANA time zone/,
    );
    expect(() => policyFromFlags(DEFAULT_POLICY, { holiday: ['2026-13-01'] })).toThrow(/holidays/);
  });
});
