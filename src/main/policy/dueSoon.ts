/**
 * The Due soon view's window (docs/PRODUCT.md, "Views"), pure: with business hours it runs to
 * the close of the business day in progress, or of the next one when the business is closed
 * now; without them (or when the team chose a fixed lead) it is the next `dueSoonLeadMinutes`.
 * Reminders follow the same window: a deadline is announced when it enters it.
 */
import { DateTime } from 'luxon';
import { WEEKDAYS, clockMinutes, type DueSoonWindow, type Policy } from '../../shared/policy';

/** Business days looked ahead for the next close before giving up (a year of holidays). */
const MAX_DAYS = 366;
/** Days looked back for the close before a deadline (a long closure just counts as "already"). */
const LOOK_BACK_DAYS = 7;

/** What the Due soon window depends on. */
export type DueSoonPolicy = Pick<
  Policy,
  'businessHours' | 'holidays' | 'timeZone' | 'dueSoonLeadMinutes' | 'dueSoonWindow'
>;

/**
 * When a deadline due at `dueAt` enters Due soon (when its reminder comes): never after
 * `dueAt`, and never earlier for a later deadline.
 */
export type DueSoonStart = (dueAt: number) => number;

/** The Due soon window of `policy` at `now`. */
export function dueSoonWindow(policy: DueSoonPolicy, now: number): DueSoonWindow {
  if (policy.dueSoonWindow === 'business-day' && policy.businessHours !== null) {
    const until = businessDayClose(policy.businessHours, policy.holidays, policy.timeZone, now);
    if (until !== null) return { kind: 'business-day', until };
  }
  return { kind: 'lead', minutes: policy.dueSoonLeadMinutes, until: now + policy.dueSoonLeadMinutes * 60_000 };
}

/** A fixed lead: a deadline is due soon `minutes` before it. */
export function leadStart(minutes: number): DueSoonStart {
  const ms = minutes * 60_000;
  return (dueAt) => dueAt - ms;
}

/**
 * When deadlines enter the window of `policy`, as seen from `now` (build it again as time
 * passes). With a business-day window a deadline enters at the close of the business day
 * before it: the window at `t` holds `dueAt` exactly when no business day closes between `t`
 * and `dueAt`. So "is it due soon at t" agrees with `dueSoonWindow(policy, t).until >= dueAt`.
 */
export function dueSoonStart(policy: DueSoonPolicy, now: number): DueSoonStart {
  if (policy.dueSoonWindow === 'business-day' && policy.businessHours !== null) {
    const from = DateTime.fromMillis(now, { zone: policy.timeZone }).minus({ days: LOOK_BACK_DAYS }).startOf('day');
    const closesUntil = businessDayCloses(policy.businessHours, policy.holidays, from, LOOK_BACK_DAYS + MAX_DAYS);
    const known = closesUntil(now + 1);
    if ((known[known.length - 1] ?? now) > now)
      return (dueAt) => closeBefore(closesUntil(dueAt), dueAt, from.toMillis());
  }
  return leadStart(policy.dueSoonLeadMinutes);
}

/** The latest of `closes` before `dueAt`; `floor` when none is known (closed since before the first one). */
function closeBefore(closes: readonly number[], dueAt: number, floor: number): number {
  let lo = 0;
  let hi = closes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((closes[mid] ?? Infinity) < dueAt) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? Math.min(dueAt, floor) : (closes[lo - 1] ?? floor);
}

/**
 * When the business day in progress closes (the end of that local day's last interval), or,
 * after closing time, on a closed day or a holiday, when the next business day closes.
 */
export function businessDayClose(
  hours: NonNullable<Policy['businessHours']>,
  holidays: readonly string[],
  zone: string,
  now: number,
): number | null {
  const closed = new Set(holidays);
  let day = DateTime.fromMillis(now, { zone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    const close = dayClose(hours, closed, day);
    if (close !== null && close > now) return close;
  }
  return null;
}

/**
 * Business days' closes from the local day `from` on, in order, worked out only as far as asked
 * (at most `days` days): `closesUntil(at)` knows every close up to the first one at or after `at`.
 */
function businessDayCloses(
  hours: NonNullable<Policy['businessHours']>,
  holidays: readonly string[],
  from: DateTime,
  days: number,
): (at: number) => readonly number[] {
  const closed = new Set(holidays);
  const closes: number[] = [];
  let day = from;
  let seen = 0;
  return (at) => {
    while (seen < days && (closes[closes.length - 1] ?? -Infinity) < at) {
      const close = dayClose(hours, closed, day);
      if (close !== null) closes.push(close);
      day = day.plus({ days: 1 });
      seen++;
    }
    return closes;
  };
}

/** When the local `day` (its start) closes for business; null on a closed day or a holiday. */
function dayClose(
  hours: NonNullable<Policy['businessHours']>,
  closed: ReadonlySet<string>,
  day: DateTime,
): number | null {
  if (closed.has(day.toISODate() ?? '')) return null;
  const intervals = hours[WEEKDAYS[day.weekday - 1] ?? 'mon'];
  if (intervals.length === 0) return null;
  const lastEnd = Math.max(...intervals.map((iv) => clockMinutes(iv.end)));
  return lastEnd >= 1440
    ? day.plus({ days: 1 }).startOf('day').toMillis()
    : day.set({ hour: Math.floor(lastEnd / 60), minute: lastEnd % 60 }).toMillis();
}
