/**
 * The team's business calendar: how far a courtesy window reaches once business hours,
 * holidays and the time zone are taken into account. Pure; DST is left to Luxon.
 *
 * Business time is real elapsed time that falls inside a business interval. An interval
 * is anchored to local clock times in the team zone, so a 09:00–17:00 day stays 09:00–17:00
 * across a DST change, and a night interval that contains the change is an hour shorter or
 * longer, as the clock on the wall says.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { WEEKDAYS, clockMinutes, type BusinessHours, type Policy } from '../../shared/policy';

const MINUTE = 60_000;
/** Days of business hours built at a time when the calendar needs more. */
const CHUNK_DAYS = 56;
/** A window that finds no business time within this many days is a broken policy. */
const MAX_SEARCH_DAYS = 366 * 5;

/** Adds durations to instants and measures between them, in business or wall-clock time. */
export interface BusinessCalendar {
  readonly kind: 'business-hours' | 'wall-clock';
  /** The instant `minutes` of working time after `start` (never before `start`). */
  addMinutes(start: number, minutes: number): number;
  /** Working time between two instants in milliseconds (0 when `to` is not after `from`). */
  msBetween(from: number, to: number): number;
}

/** Raised when business hours leave no working time to count (for example every day a holiday). */
export class CalendarError extends Error {
  readonly code = 'CALENDAR_NO_BUSINESS_TIME';
}

/** A calendar that counts elapsed time: a 24 h window is 24 real hours, DST or not. */
export function wallClockCalendar(): BusinessCalendar {
  return {
    kind: 'wall-clock',
    addMinutes: (start, minutes) => start + Math.max(0, minutes) * MINUTE,
    msBetween: (from, to) => Math.max(0, to - from),
  };
}

/** The calendar a policy implies: business hours when set, else the wall clock. */
export function calendarForPolicy(policy: Pick<Policy, 'businessHours' | 'holidays' | 'timeZone'>): BusinessCalendar {
  if (policy.businessHours === null) return wallClockCalendar();
  return businessHoursCalendar(policy.businessHours, policy.holidays, policy.timeZone);
}

type DayMinutes = ReadonlyArray<readonly [number, number]>;

/** A lazily grown, sorted list of absolute business intervals with running totals. */
interface Timeline {
  /** First local day covered, and the day after the last one covered. */
  firstDay: DateTime;
  endDay: DateTime;
  firstMs: number;
  endMs: number;
  starts: number[];
  ends: number[];
  /** Business milliseconds before interval i, counted from `firstDay`. */
  before: number[];
}

/** A calendar that counts only time inside business hours, skipping holidays, in `zone`. */
export function businessHoursCalendar(
  hours: BusinessHours,
  holidays: readonly string[],
  zone: string,
): BusinessCalendar {
  const week: DayMinutes[] = WEEKDAYS.map((d) =>
    hours[d].map((iv) => [clockMinutes(iv.start), clockMinutes(iv.end)] as const).sort((a, b) => a[0] - b[0]),
  );
  if (week.every((d) => d.length === 0)) throw new CalendarError('Business hours have no open interval.');
  const closed = new Set(holidays);
  let line: Timeline | null = null;

  const cover = (instant: number): Timeline => {
    line ??= emptyTimeline(DateTime.fromMillis(instant, { zone }).startOf('day'));
    if (instant < line.firstMs) line = growBack(line, daysBetween(instant, line.firstMs), week, closed);
    if (instant >= line.endMs) line = growForward(line, daysBetween(line.endMs, instant), week, closed);
    return line;
  };

  const businessMsAt = (instant: number): number => elapsedAt(cover(instant), instant);

  return {
    kind: 'business-hours',
    addMinutes(start, minutes) {
      if (!(minutes > 0)) return start;
      const target = businessMsAt(start) + minutes * MINUTE;
      let tl = cover(start);
      let guard = 0;
      while (totalOf(tl) < target) {
        tl = growForward(tl, CHUNK_DAYS, week, closed);
        line = tl;
        if ((guard += CHUNK_DAYS) > MAX_SEARCH_DAYS) {
          throw new CalendarError('No business hours found within five years; check the holidays.');
        }
      }
      return instantAt(tl, target);
    },
    msBetween(from, to) {
      if (!(to > from)) return 0;
      const a = businessMsAt(from);
      return businessMsAt(to) - a;
    },
  };
}

function emptyTimeline(day: DateTime): Timeline {
  const ms = day.toMillis();
  return { firstDay: day, endDay: day, firstMs: ms, endMs: ms, starts: [], ends: [], before: [] };
}

function totalOf(tl: Timeline): number {
  const last = tl.starts.length - 1;
  if (last < 0) return 0;
  return (tl.before[last] ?? 0) + (tl.ends[last] ?? 0) - (tl.starts[last] ?? 0);
}

/** Absolute business intervals of one local day, in order. */
function dayIntervals(day: DateTime, week: DayMinutes[], closed: ReadonlySet<string>): Array<[number, number]> {
  if (closed.has(day.toISODate() ?? '')) return [];
  const out: Array<[number, number]> = [];
  for (const [from, to] of week[day.weekday - 1] ?? []) {
    const start = atMinute(day, from);
    const end = atMinute(day, to);
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** The instant of a local clock time; Luxon moves times in a spring-forward gap past the gap. */
function atMinute(day: DateTime, minute: number): number {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
}

function collect(
  from: DateTime,
  days: number,
  week: DayMinutes[],
  closed: ReadonlySet<string>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < days; i++) out.push(...dayIntervals(from.plus({ days: i }), week, closed));
  return out;
}

function build(firstDay: DateTime, endDay: DateTime, intervals: Array<[number, number]>): Timeline {
  const tl = emptyTimeline(firstDay);
  tl.endDay = endDay;
  tl.endMs = endDay.toMillis();
  let sum = 0;
  for (const [s, e] of intervals) {
    tl.starts.push(s);
    tl.ends.push(e);
    tl.before.push(sum);
    sum += e - s;
  }
  return tl;
}

/** Whole days (at least a chunk, plus a spare day for DST-shortened days) between two points. */
function daysBetween(a: number, b: number): number {
  const ms = Math.abs(b - a);
  return Math.max(CHUNK_DAYS, Math.ceil(ms / 86_400_000) + 2);
}

function existingIntervals(tl: Timeline): Array<[number, number]> {
  return tl.starts.map((s, i) => [s, tl.ends[i] ?? s]);
}

function growForward(tl: Timeline, days: number, week: DayMinutes[], closed: ReadonlySet<string>): Timeline {
  const added = collect(tl.endDay, days, week, closed);
  return build(tl.firstDay, tl.endDay.plus({ days }), [...existingIntervals(tl), ...added]);
}

function growBack(tl: Timeline, days: number, week: DayMinutes[], closed: ReadonlySet<string>): Timeline {
  const first = tl.firstDay.minus({ days });
  const added = collect(first, days, week, closed);
  return build(first, tl.endDay, [...added, ...existingIntervals(tl)]);
}

/** Index of the last interval starting at or before `instant`, or -1. */
function lastStartAtOrBefore(starts: readonly number[], instant: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) <= instant) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Business milliseconds from the timeline's first day up to `instant`. */
function elapsedAt(tl: Timeline, instant: number): number {
  const i = lastStartAtOrBefore(tl.starts, instant);
  if (i < 0) return 0;
  const start = tl.starts[i] ?? 0;
  const end = tl.ends[i] ?? 0;
  return (tl.before[i] ?? 0) + Math.min(instant, end) - start;
}

/** The earliest instant at which `target` business milliseconds have passed (target > 0). */
function instantAt(tl: Timeline, target: number): number {
  let lo = 0;
  let hi = tl.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const after = (tl.before[mid] ?? 0) + (tl.ends[mid] ?? 0) - (tl.starts[mid] ?? 0);
    if (after >= target) hi = mid;
    else lo = mid + 1;
  }
  return (tl.starts[lo] ?? 0) + target - (tl.before[lo] ?? 0);
}

/** Which dates an iCalendar import may produce (inclusive ISO dates). */
export interface HolidayRange {
  from?: string;
  to?: string;
}

/**
 * Holiday dates (YYYY-MM-DD, sorted, unique) from iCalendar text (RFC 5545): every day a
 * VEVENT covers, all-day or timed, DTEND exclusive. Recurring events (RRULE, RDATE, EXDATE)
 * are expanded up to `range.to`, or three years after their start when no end is given.
 */
export function holidaysFromICalendar(text: string, range: HolidayRange = {}): string[] {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const dates = new Set<string>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (!event.startDate) continue;
    for (const start of occurrences(event, range)) {
      for (const day of daysCovered(start, event.duration)) dates.add(day);
    }
  }
  return [...dates].filter((d) => (!range.from || d >= range.from) && (!range.to || d <= range.to)).sort();
}

function isoOf(t: ICAL.Time): string {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

function occurrences(event: ICAL.Event, range: HolidayRange): ICAL.Time[] {
  if (!event.isRecurring()) return [event.startDate];
  const last = range.to ?? `${event.startDate.year + 3}-12-31`;
  const out: ICAL.Time[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && isoOf(next) <= last && out.length < 10_000; next = it.next()) out.push(next);
  return out;
}

function daysCovered(start: ICAL.Time, duration: ICAL.Duration): string[] {
  const end = start.clone();
  end.addDuration(duration);
  const days = [isoOf(start)];
  const day = start.clone();
  day.isDate = true;
  for (day.adjust(1, 0, 0, 0); day.compare(end) < 0 && days.length < 366; day.adjust(1, 0, 0, 0)) {
    days.push(isoOf(day));
  }
  return days;
}
