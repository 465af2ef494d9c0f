import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessHoursCalendar, type BusinessCalendar } from '../../../src/main/policy/calendar';
import {
  computeDeadline,
  deadlineRules,
  deadlineStateAt,
  foldThread,
  type ThreadMessage,
} from '../../../src/main/policy/deadlines';
import { policySchema, type BusinessHours, type DeadlineState } from '../../../src/shared/policy';

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2027, 0, 1);
const ZONES = ['America/New_York', 'Europe/Berlin', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'];

const nine = [{ start: '09:00', end: '17:00' }];
const split = [
  { start: '08:30', end: '12:00' },
  { start: '13:00', end: '18:15' },
];
const nights = [{ start: '00:00', end: '03:30' }];
const PATTERNS: BusinessHours[] = [
  { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [], sun: [] },
  { mon: split, tue: split, wed: [], thu: split, fri: split, sat: nine, sun: [] },
  { mon: nights, tue: nights, wed: nights, thu: nights, fri: nights, sat: nights, sun: nights },
];

const calendarArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    pattern: fc.constantFrom(...PATTERNS),
    holidays: fc.array(fc.integer({ min: 0, max: 3 * 365 }), { maxLength: 20 }),
  })
  .map(({ zone, pattern, holidays }) => {
    const dates = holidays.map((d) => new Date(FROM + d * 86_400_000).toISOString().slice(0, 10));
    return businessHoursCalendar(pattern, dates, zone);
  });
const instantArb = fc.integer({ min: FROM, max: TO });
const minutesArb = fc.integer({ min: 0, max: 20_000 });

describe('calendar properties', () => {
  it('adding business time never lands before the start', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, (cal: BusinessCalendar, start, minutes) => {
        expect(cal.addMinutes(start, minutes)).toBeGreaterThanOrEqual(start);
      }),
    );
  });

  it('adding business time is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, minutesArb, minutesArb, (cal, a, b, m1, m2) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [less, more] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(cal.addMinutes(early, less)).toBeLessThanOrEqual(cal.addMinutes(late, less));
        expect(cal.addMinutes(early, less)).toBeLessThanOrEqual(cal.addMinutes(early, more));
      }),
      { numRuns: 40 },
    );
  });

  it('measuring back what was added gives the same amount', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, (cal, start, minutes) => {
        expect(cal.msBetween(start, cal.addMinutes(start, minutes))).toBe(minutes * 60_000);
      }),
    );
  });
});

const messageArb: fc.Arbitrary<ThreadMessage> = fc.record({
  at: fc.integer({ min: FROM, max: FROM + 30 * 86_400_000 }),
  direction: fc.constantFrom<'customer' | 'team'>('customer', 'team'),
  isAutomated: fc.boolean(),
  isCourtesy: fc.boolean(),
  promiseAt: fc.option(fc.integer({ min: FROM, max: FROM + 40 * 86_400_000 }), { nil: undefined }),
});
const threadArb = fc.array(messageArb, { maxLength: 12 }).map((ms) => [...ms].sort((a, b) => a.at - b.at));
const policyArb = fc
  .record({ pattern: fc.option(fc.constantFrom(...PATTERNS), { nil: null }), zone: fc.constantFrom(...ZONES) })
  .map(({ pattern, zone }) => deadlineRules(policySchema.parse({ businessHours: pattern, timeZone: zone })));

const RANK: Record<DeadlineState, number> = { calm: 0, 'due-soon': 1, overdue: 2 };

describe('deadline properties', () => {
  it('a response deadline is never before its clock start', () => {
    fc.assert(
      fc.property(threadArb, policyArb, (messages, rules) => {
        const d = computeDeadline({ messages, state: { status: 'open' } }, rules, FROM);
        const clock = foldThread(messages, []).clock;
        if (d && (d.reason === 'first-response' || d.reason === 'next-response')) {
          expect(clock).not.toBeNull();
          expect(d.dueAt).toBeGreaterThanOrEqual(clock?.startedAt ?? Infinity);
        }
      }),
    );
  });

  it('as time passes a thread goes calm → due soon → overdue and never back', () => {
    fc.assert(
      fc.property(
        threadArb,
        policyArb,
        fc.array(fc.integer({ min: 0, max: 60 * 86_400_000 })),
        (messages, rules, offsets) => {
          const nows = offsets.map((o) => FROM + o).sort((a, b) => a - b);
          const states = nows.map((now) => computeDeadline({ messages, state: { status: 'open' } }, rules, now)?.state);
          const ranks = states.map((s) => (s === undefined ? -1 : RANK[s]));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('the state function is ordered for every reason and lead time', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('first-response', 'next-response', 'promise', 'snooze' as const),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer(),
        fc.integer(),
        (dueAt, reason, lead, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(RANK[deadlineStateAt(dueAt, reason, early, lead)]).toBeLessThanOrEqual(
            RANK[deadlineStateAt(dueAt, reason, late, lead)],
          );
        },
      ),
    );
  });
});
