import { describe, expect, it } from 'vitest';
import { dueSoonWords, parseBusinessHours, parseDueSoon, policyFromFlags } from '../../src/main/cli/verbs/policy';
import { DEFAULT_POLICY, policySchema } from '../../src/shared/policy';

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

  it('--due-soon takes business-day or a length, and the window is said in words', () => {
    expect(parseDueSoon('business-day')).toEqual({ dueSoonWindow: 'business-day' });
    expect(parseDueSoon('4h')).toEqual({ dueSoonWindow: 'lead', dueSoonLeadMinutes: 240 });
    expect(parseDueSoon('90m')).toEqual({ dueSoonWindow: 'lead', dueSoonLeadMinutes: 90 });
    expect(parseDueSoon('1h30m')).toEqual({ dueSoonWindow: 'lead', dueSoonLeadMinutes: 90 });
    expect(() => parseDueSoon('tomorrow')).toThrow(/--due-soon takes business-day or a length like 4h/);
    expect(() => parseDueSoon('')).toThrow(/--due-soon/);
    expect(policyFromFlags(DEFAULT_POLICY, { 'due-soon': '2h' })).toMatchObject({
      dueSoonWindow: 'lead',
      dueSoonLeadMinutes: 120,
    });
    expect(() => policyFromFlags(DEFAULT_POLICY, { 'due-soon': '9999h' })).toThrow(/dueSoonLeadMinutes/);

    const monday10 = Date.UTC(2026, 10, 30, 9); // 10:00 in Berlin
    const nine5 = [{ start: '09:00', end: '17:00' }];
    const berlin = policySchema.parse({
      timeZone: 'Europe/Berlin',
      businessHours: { mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5 },
    });
    expect(dueSoonWords(berlin, monday10)).toBe(
      'Due soon: what comes due before the business day ends (now until Mon 30 Nov 17:00 Europe/Berlin).',
    );
    expect(dueSoonWords({ ...berlin, dueSoonWindow: 'lead', dueSoonLeadMinutes: 90 }, monday10)).toBe(
      'Due soon: what comes due within 1 h 30 min (now until Mon 30 Nov 11:30 Europe/Berlin).',
    );
    expect(dueSoonWords(DEFAULT_POLICY, monday10)).toBe(
      'Due soon: what comes due within 4 h (now until Mon 30 Nov 13:00 UTC). The business day needs business hours (--hours); none are set.',
    );
  });
});
