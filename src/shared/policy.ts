import { z } from 'zod';

/**
 * The team Policy (docs/PRODUCT.md, "Deadlines, promises and reminders") and the values the
 * deadline engine hands to the UI. Types and schemas only: the rules live in src/main/policy.
 */

/** Weekday keys in ISO order (Monday first), as business hours and quiet hours use them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Write times as HH:MM, for example 09:00 or 17:30.');

/** Minutes since midnight of an `HH:MM` clock time (24:00 is 1440). */
export function clockMinutes(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** One stretch of business hours within a day, e.g. 09:00–12:30. */
export const businessIntervalSchema = z
  .object({ start: clockTime, end: clockTime })
  .refine((i) => clockMinutes(i.start) < clockMinutes(i.end), 'A business interval must end after it starts.');

/** A business-hours interval. */
export type BusinessInterval = z.infer<typeof businessIntervalSchema>;

function disjoint(intervals: BusinessInterval[]): boolean {
  const sorted = [...intervals].sort((a, b) => clockMinutes(a.start) - clockMinutes(b.start));
  return sorted.every((iv, i) => i === 0 || clockMinutes(sorted[i - 1]?.end ?? '00:00') <= clockMinutes(iv.start));
}

const dayIntervals = z
  .array(businessIntervalSchema)
  .max(12)
  .default([])
  .refine(disjoint, 'Business intervals on one day must not overlap.');

/** Business hours per weekday; a day with no intervals is closed. */
export const businessHoursSchema = z
  .object({
    mon: dayIntervals,
    tue: dayIntervals,
    wed: dayIntervals,
    thu: dayIntervals,
    fri: dayIntervals,
    sat: dayIntervals,
    sun: dayIntervals,
  })
  .refine((w) => WEEKDAYS.some((d) => w[d].length > 0), 'Business hours need at least one open interval a week.');

/** Business hours for a week. */
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** True when the runtime knows this IANA time zone name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as Europe/Berlin. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(isKnownTimeZone, 'Use an IANA time zone name, for example Europe/Berlin or America/New_York.');

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Write dates as YYYY-MM-DD.');

/** The team's deadline policy, shared with every teammate through the team log. */
export const policySchema = z.object({
  /** How long a customer may wait for a human reply; business time when business hours are set. */
  courtesyWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 60)
    .default(24 * 60),
  /** Null means the window runs on the wall clock (elapsed time). */
  businessHours: businessHoursSchema.nullable().default(null),
  /** Days the business is closed, in the team time zone. */
  holidays: z.array(isoDateSchema).max(5000).default([]),
  timeZone: timeZoneSchema.default('UTC'),
  /**
   * How long before a deadline it counts as "due soon" (the Due soon view's window, shown in its
   * header) and the reminder fires. Default 4 hours: what is left of a working day.
   */
  dueSoonLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 7)
    .default(4 * 60),
  /**
   * What the Due soon view holds: what comes due before the business day ends (needs business
   * hours; without them it falls back to the lead), or what comes due within the lead.
   */
  dueSoonWindow: z.enum(['business-day', 'lead']).default('business-day'),
  /** Where customers' answers should go, when not to the shared address itself (Reply-To). */
  replyTo: z.string().trim().toLowerCase().email('Reply-To must be a mail address.').nullable().default(null),
});

/**
 * The Due soon view's window at one moment: until the business day in progress (or the next
 * one) closes, or the next `minutes`.
 */
export type DueSoonWindow = { kind: 'business-day'; until: number } | { kind: 'lead'; minutes: number; until: number };

/** A parsed, valid team policy. */
export type Policy = z.infer<typeof policySchema>;

/** The policy a new team starts with: 24 h wall-clock window, 1 h lead, UTC. */
export const DEFAULT_POLICY: Policy = policySchema.parse({});

/**
 * A teammate's quiet hours (a local setting, not shared). `start` after `end` spans midnight
 * (22:00–07:00); `days` names the day a quiet stretch starts on.
 */
export const quietHoursSchema = z.object({
  start: clockTime,
  end: clockTime,
  timeZone: timeZoneSchema,
  days: z.array(z.enum(WEEKDAYS)).default([...WEEKDAYS]),
});

/** A teammate's quiet hours. */
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** Why a thread is due: the first or next reply to a customer, a promise made, or a snooze ending. */
export type DeadlineReason = 'first-response' | 'next-response' | 'promise' | 'snooze';

/** The countdown chip colour. */
export type DeadlineState = 'calm' | 'due-soon' | 'overdue';

/** A thread's one due time. */
export interface Deadline {
  dueAt: number;
  reason: DeadlineReason;
  state: DeadlineState;
}

/** One thread in the tray's "most urgent" list. */
export interface TrayItem {
  threadId: string;
  /** The conversation's subject, for the tray menu (filled in by the service). */
  subject?: string;
  dueAt: number;
  reason: DeadlineReason;
  state: DeadlineState;
}

/** What the tray icon shows: replies due soon or overdue for me (mine and unowned), most urgent first. */
export interface TrayState {
  count: number;
  overdue: number;
  urgent: TrayItem[];
}

/** How long an open thread has been open, for the dashboard's age chart. */
export const AGE_BUCKETS = ['under 1 day', '1–3 days', '3–7 days', '1–4 weeks', 'over 4 weeks'] as const;

/** One age bucket. */
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** A median and 90th percentile in milliseconds; null when there is nothing to measure. */
export interface Spread {
  median: number | null;
  p90: number | null;
}

/**
 * The follow-through numbers over one period (docs/PRODUCT.md principle 5). Shares are 0..1, or
 * null when nothing in the period could be judged yet.
 */
export interface FollowThroughMetrics {
  period: { from: number; to: number };
  /** Courtesy clocks due in the period: met by a human (or courtesy) reply in time, or missed. */
  courtesy: { met: number; missed: number; closedWithoutReply: number; pending: number; share: number | null };
  /** Threads whose first customer message came in the period and got a human reply. */
  firstReply: { count: number; wallClock: Spread; businessHours: Spread };
  /** Promises due in the period: kept by a real reply or a close in time, else broken. */
  promises: { kept: number; broken: number; pending: number; share: number | null };
  /** Closes in the period after which the customer wrote again within 7 days, or reopened the thread. */
  repeatContact: { closes: number; repeats: number; rate: number | null };
  /** Threads open at the end of the period (or now), by current owner and by age. */
  open: { total: number; byOwner: Record<string, number>; byAge: Record<AgeBucket, number> };
}
