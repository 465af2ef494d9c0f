/**
 * Times of day ("HH:MM", as settings store them) and calendar days ("YYYY-MM-DD") shown and read
 * in the app's locale (dates.ts `appLocales`), so a setting reads like every other time on
 * screen: "17:30" in Germany, "05:30 PM" in the US, whatever locale the browser itself runs in.
 */
import { appLocales, TIME } from './dates';

/** Formats a wall-clock reading without any time zone getting in the way. */
function clockAt(hour: number, minute: number, options: Intl.DateTimeFormatOptions, locales = appLocales()): string {
  return new Intl.DateTimeFormat(locales, { ...options, timeZone: 'UTC' }).format(Date.UTC(2000, 0, 3, hour, minute));
}

/** A stored clock time ("17:30", "24:00" for the end of the day) as the person reads it. */
export function clockText(hhmm: string, locales = appLocales()): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return clockAt(h % 24, m, TIME, locales);
}

/** Whether the locale writes times on a 12-hour clock with AM/PM. */
export function usesDayPeriods(locales = appLocales()): boolean {
  return new Intl.DateTimeFormat(locales, { hour: 'numeric', timeZone: 'UTC' }).resolvedOptions().hour12 === true;
}

/** The locale's own morning and afternoon words (AM/PM, vorm./nachm., a. m./p. m.), lower-cased. */
function dayPeriods(locales: string[] | undefined): { am: string; pm: string } {
  const period = (hour: number) =>
    new Intl.DateTimeFormat(locales, { hour: 'numeric', hour12: true, timeZone: 'UTC' })
      .formatToParts(Date.UTC(2000, 0, 3, hour))
      .find((p) => p.type === 'dayPeriod')
      ?.value.toLowerCase()
      .replace(/\s+/g, ' ') ?? '';
  return { am: period(1), pm: period(13) };
}

/** Lower case with dots and spaces dropped, so "p. m." and "PM" compare alike. */
function bare(text: string): string {
  return text.toLowerCase().replace(/[.\s\u202f\u00a0]/g, '');
}

/**
 * Reads a clock time as typed in the app's locale: "17:30", "17.30", "1730", "5:30 PM",
 * "5 pm", "5:30 nachm."; returns "HH:MM", or null when it is not a time. With `endOfDay`,
 * midnight means the end of the day ("24:00"), as a closing time does.
 */
export function parseClockText(text: string, { endOfDay = false, locales = appLocales() } = {}): string | null {
  const typed = text.trim().toLowerCase();
  // "17:30" / "17.30" / "17h30", or digits alone: "1730", "930", "17".
  const match = /^(\d{1,2})\s*[:.h]\s*(\d{2})|^(\d{1,2}?)(\d{2})?(?!\d)/.exec(typed);
  if (!match || match[0] === '') return null;
  const spaced = match[1] !== undefined;
  let hour = Number(spaced ? match[1] : match[3]);
  const minute = Number(spaced ? match[2] : (match[4] ?? 0));
  const rest = bare(typed.slice(match[0].length).replace(/^\s*uhr\b/, ''));
  const { am, pm } = dayPeriods(locales);
  const isAm = rest !== '' && (rest === bare(am) || rest === 'am' || rest === 'a');
  const isPm = rest !== '' && (rest === bare(pm) || rest === 'pm' || rest === 'p');
  if (rest !== '' && !isAm && !isPm) return null;
  if (minute > 59) return null;
  if (isAm || isPm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (isPm ? 12 : 0);
  } else if (hour > 24 || (hour === 24 && minute > 0)) return null;
  if (endOfDay && hour % 24 === 0 && minute === 0) return '24:00';
  if (hour === 24) return endOfDay ? '24:00' : '00:00';
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Clock times every `stepMinutes` over a day, as the person reads them (the picker's choices). */
export function clockChoices(stepMinutes = 30, locales = appLocales()): string[] {
  const out: string[] = [];
  for (let m = 0; m < 1440; m += stepMinutes) out.push(clockAt(Math.floor(m / 60), m % 60, TIME, locales));
  return out;
}

const DAY_PARTS: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' };

/** A calendar day ("2026-12-24") as the person writes it: "24.12.2026", "12/24/2026", "24/12/2026". */
export function calendarDayText(iso: string, locales = appLocales()): string {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locales, DAY_PARTS).format(Date.UTC(y, m - 1, d));
}

/** The locale's order of day, month and year, e.g. ['day', 'month', 'year']. */
function dayOrder(locales: string[] | undefined): Array<'day' | 'month' | 'year'> {
  return new Intl.DateTimeFormat(locales, DAY_PARTS)
    .formatToParts(Date.UTC(2026, 11, 24))
    .map((p) => p.type)
    .filter((t): t is 'day' | 'month' | 'year' => t === 'day' || t === 'month' || t === 'year');
}

/**
 * Reads a calendar day as typed in the app's locale ("24.12.2026" in Germany, "12/24/2026" in
 * the US); "2026-12-24" is read everywhere. Returns "YYYY-MM-DD", or null when it is no date.
 */
export function parseCalendarDay(text: string, locales = appLocales()): string | null {
  const numbers = text.trim().match(/\d+/g);
  if (!numbers || numbers.length !== 3 || /[^\d\s./-]/.test(text.trim())) return null;
  const iso = (numbers[0] ?? '').length === 4;
  const order = iso ? (['year', 'month', 'day'] as const) : dayOrder(locales);
  const part = (name: 'day' | 'month' | 'year') => Number(numbers[order.indexOf(name)]);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  if (year < 1000 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The calendar day ("2026-12-24") an instant falls on, in the computer's time zone. */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** One day a day picker offers: the day, as the person writes it, and its weekday beside it. */
export interface DayChoice {
  day: string;
  text: string;
  weekday: string;
}

/** The `count` days from the one `now` falls on, for a day picker: "24.12.2026" and "Thursday". */
export function dayChoices(now: number, count = 14, locales = appLocales()): DayChoice[] {
  const weekday = new Intl.DateTimeFormat(locales, { weekday: 'long', timeZone: 'UTC' });
  const first = new Date(now);
  return Array.from({ length: count }, (_, i) => {
    // Calendar steps, not 24 h steps, so a change to or from summer time skips no day.
    const day = localDay(new Date(first.getFullYear(), first.getMonth(), first.getDate() + i, 12).getTime());
    const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
    return { day, text: calendarDayText(day, locales), weekday: weekday.format(Date.UTC(y, m - 1, d)) };
  });
}

/** A day and a time of day as one local date-and-time value ("2026-12-24T17:30"); '' unless both are set. */
export function joinDayAndClock(day: string | null, time: string | null): string {
  return day === null || time === null ? '' : `${day}T${time}`;
}

/** The day and time of day in a local date-and-time value; null for a part it lacks. */
export function splitDayAndClock(value: string): { day: string | null; time: string | null } {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return match ? { day: match[1] ?? null, time: match[2] ?? null } : { day: null, time: null };
}

/** How a problem names the format, the person's way: "for example 01.12.2026 at 17:00" (tomorrow's date). */
export function dateTimeExample(now: number, locales = appLocales()): string {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  return `for example ${calendarDayText(localDay(tomorrow.getTime()), locales)} at ${clockText('17:00', locales)}`;
}
