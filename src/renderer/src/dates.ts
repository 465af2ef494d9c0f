/**
 * Dates and times as the person reads them: their own languages (navigator.languages) and
 * the computer's time zone, never a fixed US format, never seconds. Every screen formats
 * instants through here.
 */

/**
 * The app's locale: the person's languages, most preferred first; undefined leaves the choice
 * to the runtime. Every date and time the app shows or reads follows this one rule (never the
 * browser's own locale, which native date and time inputs use).
 */
export function appLocales(): string[] | undefined {
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages;
  return langs && langs.length > 0 ? [...langs] : undefined;
}

function format(at: number, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(appLocales(), options).format(new Date(at));
}

/** How a clock time is written everywhere: two-digit hours and minutes, no seconds. */
export const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A clock time: "17:00" (or "05:00 PM" where that is the custom). */
export function timeText(at: number): string {
  return format(at, TIME);
}

/** A short weekday, day, month and time: "Tue 1 Dec, 17:00"; the year too when it is not this year's. */
export function dateTimeText(at: number, now = Date.now()): string {
  const year = new Date(at).getFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' as const };
  return format(at, { weekday: 'short', day: 'numeric', month: 'short', ...year, ...TIME });
}

/** A day without the time: "1 Dec" ("Dec 1" in English as written in the US). */
export function dayText(at: number): string {
  return format(at, { day: 'numeric', month: 'short' });
}

/** A day in full, for a customer-facing sentence: "Tuesday 1 December". */
export function longDayText(at: number): string {
  return format(at, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** Just the weekday: "Tue". */
export function weekdayText(at: number): string {
  return format(at, { weekday: 'short' });
}

/** Near a moment: "17:00" the same day, "Tue 17:00" within a week, else "4 Dec 17:00". */
export function nearTimeText(at: number, now: number): string {
  const time = timeText(at);
  if (new Date(at).toDateString() === new Date(now).toDateString()) return time;
  const withinWeek = Math.abs(at - now) < 6 * 86_400_000;
  return `${withinWeek ? weekdayText(at) : dayText(at)} ${time}`;
}
