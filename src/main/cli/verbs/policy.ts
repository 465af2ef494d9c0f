import { readFileSync } from 'node:fs';
import { policySchema, WEEKDAYS, type Policy } from '../../../shared/policy';
import { fieldErrors } from '../../../shared/schemas';
import { DateTime } from 'luxon';
import { holidaysFromICalendar } from '../../policy/calendar';
import { dueSoonWindow } from '../../policy/dueSoon';

/** The flags of `policy set`. */
export interface PolicyFlags {
  'window-hours'?: string;
  timezone?: string;
  'lead-minutes'?: string;
  hours?: string;
  holiday?: string[];
  'holidays-ics'?: string;
  'reply-to'?: string;
  'due-soon'?: string;
}

/** A length as people write it: "4h", "90m", "1h30m", "2 h". */
const LENGTH = /^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$/i;

/**
 * The Due soon window from `--due-soon`: "business-day" (what comes due before the business day
 * ends) or a fixed lead such as "4h" or "90m".
 */
export function parseDueSoon(
  text: string,
): Pick<Policy, 'dueSoonWindow'> & Partial<Pick<Policy, 'dueSoonLeadMinutes'>> {
  const value = text.trim().toLowerCase();
  if (value === 'business-day') return { dueSoonWindow: 'business-day' };
  const match = LENGTH.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined))
    throw new Error(`--due-soon takes business-day or a length like 4h, 90m or 1h30m (got "${text}").`);
  return { dueSoonWindow: 'lead', dueSoonLeadMinutes: Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) };
}

/** "4 h", "90 min", "1 h 30 min". */
function lengthWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} h` : '', m > 0 || h === 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** What the Due soon view holds under `policy`, in words, with where its window ends at `now`. */
export function dueSoonWords(policy: Policy, now: number): string {
  const window = dueSoonWindow(policy, now);
  const until = DateTime.fromMillis(window.until, { zone: policy.timeZone, locale: 'en-GB' }).toFormat(
    'ccc d LLL HH:mm',
  );
  if (window.kind === 'business-day')
    return `Due soon: what comes due before the business day ends (now until ${until} ${policy.timeZone}).`;
  const note =
    policy.dueSoonWindow === 'business-day' ? ' The business day needs business hours (--hours); none are set.' : '';
  return `Due soon: what comes due within ${lengthWords(window.minutes)} (now until ${until} ${policy.timeZone}).${note}`;
}

/**
 * Parses "mon-fri 09:00-12:00,13:00-17:00; sat 10:00-14:00" into weekly business hours
 * ("none" clears them: a wall-clock window).
 */
export function parseBusinessHours(text: string): Policy['businessHours'] {
  if (text.trim().toLowerCase() === 'none') return null;
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as Array<{ start: string; end: string }>]));
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [days = '', spans = ''] = part.split(/\s+/, 2);
    const [from, to] = days.toLowerCase().split('-');
    const i = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
    const j = to ? WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]) : i;
    if (i < 0 || j < 0) throw new Error(`"${days}" is not a day or day range like mon-fri.`);
    for (let d = i; d <= j; d++) {
      for (const span of spans.split(',')) {
        const [start = '', end = ''] = span.split('-');
        week[WEEKDAYS[d]!]!.push({ start, end });
      }
    }
  }
  return week as Policy['businessHours'];
}

/** Applies `policy set` flags to the current policy; errors name the flag. */
export function policyFromFlags(current: Policy, flags: PolicyFlags): Policy {
  const next: Record<string, unknown> = { ...current };
  if (flags['window-hours'] !== undefined) next.courtesyWindowMinutes = Math.round(Number(flags['window-hours']) * 60);
  if (flags.timezone !== undefined) next.timeZone = flags.timezone;
  if (flags['lead-minutes'] !== undefined) next.dueSoonLeadMinutes = Number(flags['lead-minutes']);
  if (flags.hours !== undefined) next.businessHours = parseBusinessHours(flags.hours);
  if (flags['due-soon'] !== undefined) Object.assign(next, parseDueSoon(flags['due-soon']));
  if (flags['reply-to'] !== undefined) next.replyTo = flags['reply-to'] === 'none' ? null : flags['reply-to'];
  const holidays = new Set<string>([...current.holidays, ...(flags.holiday ?? [])]);
  if (flags['holidays-ics'])
    for (const d of holidaysFromICalendar(readFileSync(flags['holidays-ics'], 'utf8'))) holidays.add(d);
  next.holidays = [...holidays].sort();
  const parsed = policySchema.safeParse(next);
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ['policy', 'invalid'];
    throw new Error(`${field}: ${message}`);
  }
  return parsed.data;
}
