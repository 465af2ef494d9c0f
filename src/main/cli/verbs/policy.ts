import { readFileSync } from 'node:fs';
import { policySchema, WEEKDAYS, type Policy } from '../../../shared/policy';
import { fieldErrors } from '../../../shared/schemas';
import { holidaysFromICalendar } from '../../policy/calendar';

/** The flags of `policy set`. */
export interface PolicyFlags {
  'window-hours'?: string;
  timezone?: string;
  'lead-minutes'?: string;
  hours?: string;
  holiday?: string[];
  'holidays-ics'?: string;
  'reply-to'?: string;
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
