import { describe, expect, it } from 'vitest';
import { deadlineRules } from '../../../src/main/policy/deadlines';
import { followThroughMetrics, threadOutcomes } from '../../../src/main/policy/metrics';
import { csvCell, metricsCsv, threadsCsv, toCsv } from '../../../src/main/policy/metricsCsv';
import { wallClockCalendar } from '../../../src/main/policy/calendar';
import { policySchema } from '../../../src/shared/policy';

describe('CSV (RFC 4180, formula-safe)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['a=b', 'a=b'],
  ])('%j -> %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers as numbers, and empties for missing values', () => {
    expect([-5, 0.25, null, undefined, true, Number.NaN].map(csvCell)).toEqual(['-5', '0.25', '', '', 'true', '']);
  });

  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('a,b\r\n1,\r\n');
  });

  it('exports metrics, one row per period, same width as the header', () => {
    const m = followThroughMetrics([], wallClockCalendar(), { from: 0, to: 1000 }, 2000);
    const [header, row, end] = metricsCsv([m]).split('\r\n');
    expect(header?.split(',')).toContain('courtesy_met_share');
    expect(row?.split(',')).toHaveLength(header?.split(',').length ?? -1);
    expect(row?.startsWith('1970-01-01T00:00:00.000Z,1970-01-01T00:00:01.000Z,0,0,0,0,,0')).toBe(true);
    expect(end).toBe('');
  });

  it('exports threads with deadline and outcomes, defusing hostile subjects', () => {
    const H = 3_600_000;
    const outcomes = threadOutcomes(
      {
        threadId: 't1',
        owner: null,
        customer: 'ada@example.com',
        messages: [
          { at: 0, direction: 'customer', isAutomated: false },
          { at: 2 * H, direction: 'team', isAutomated: false, isCourtesy: true, promiseAt: 10 * H },
        ],
        state: { status: 'open' },
      },
      deadlineRules(policySchema.parse({})),
    );
    const csv = threadsCsv([
      {
        key: 'root@example.com',
        subject: '=cmd|"/C calc"!A0',
        customer: 'ada@example.com',
        owner: null,
        status: 'open',
        deadline: { dueAt: 10 * H, reason: 'promise', state: 'calm' },
        outcomes,
      },
    ]);
    const row = csv.split('\r\n')[1];
    expect(row).toBe(
      `root@example.com,"'=cmd|""/C calc""!A0",ada@example.com,,open,1970-01-01T10:00:00.000Z,promise,calm,2,1,0,0,0,0`,
    );
  });
});
