/**
 * The Due soon view's window (docs/PRODUCT.md, "Views"), pure: with business hours it runs to
 * the close of the business day in progress, or of the next one when the business is closed
 * now; without them (or when the team chose a fixed lead) it is the next `dueSoonLeadMinutes`.
 */
import { DateTime } from 'luxon';
import { WEEKDAYS, clockMinutes, type DueSoonWindow, type Policy } from '../../shared/policy';

/** Business days looked ahead for the next close before giving up (a year of holidays). */
const MAX_DAYS = 366;

/** The Due soon window of `policy` at `now`. */
export function dueSoonWindow(
  policy: Pick<Policy, 'businessHours' | 'holidays' | 'timeZone' | 'dueSoonLeadMinutes' | 'dueSoonWindow'>,
  now: number,
): DueSoonWindow {
  if (policy.dueSoonWindow === 'business-day' && policy.businessHours !== null) {
    const until = businessDayClose(policy.businessHours, policy.holidays, policy.timeZone, now);
    if (until !== null) return { kind: 'business-day', until };
  }
  return { kind: 'lead', minutes: policy.dueSoonLeadMinutes, until: now + policy.dueSoonLeadMinutes * 60_000 };
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
    if (closed.has(day.toISODate() ?? '')) continue;
    const intervals = hours[WEEKDAYS[day.weekday - 1] ?? 'mon'];
    if (intervals.length === 0) continue;
    const lastEnd = Math.max(...intervals.map((iv) => clockMinutes(iv.end)));
    const close =
      lastEnd >= 1440
        ? day.plus({ days: 1 }).startOf('day').toMillis()
        : day.set({ hour: Math.floor(lastEnd / 60), minute: lastEnd % 60 }).toMillis();
    if (close > now) return close;
  }
  return null;
}
