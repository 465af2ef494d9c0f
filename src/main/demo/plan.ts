/**
 * The plan of the demo mailbox before it becomes MIME: threads of messages with senders,
 * bodies and the gaps between them, and the timeline that turns gaps into dates.
 *
 * Times are laid out forward from a provisional start (team replies in shop hours, customers
 * mostly awake), then the whole thread is moved so its last message lands at the age the
 * thread's shape asks for. Threads with a team message move by whole days so shop hours stay
 * shop hours; bodies mention weekdays only through `{day+N}` slots, filled from final dates.
 */
import type { DemoRandom } from './random';
import type { AttachmentKind, Slots } from './topic';

/** An address with an optional display name. */
export interface Party {
  name?: string;
  address: string;
}

/** Who wrote a message, which decides its folder, flags and headers. */
export type MessageKind = 'customer' | 'team' | 'colleague' | 'auto' | 'newsletter';

/** How long after the previous message of its thread a message is written. */
export type Gap =
  | { kind: 'team' | 'customer' | 'auto' | 'any'; minHours: number; maxHours: number }
  /** A whole number of days after the previous message, in shop hours: a promised answer. */
  | { kind: 'days'; days: number };

/** One planned message. */
export interface PlannedMessage {
  kind: MessageKind;
  from: Party;
  to: Party[];
  cc: Party[];
  /** Plain-text body with date slots still open. */
  body: string;
  /** The writer's client sends multipart/alternative with an HTML part. */
  html: boolean;
  /** Outlook-style client: "RE:" subjects and a From/Sent header block above the quote. */
  outlook: boolean;
  /** Quote the previous message below the text. */
  quote: boolean;
  files: AttachmentKind[];
  /** Show the first photo inline (cid:) in the HTML part. */
  inlinePhoto: boolean;
  headers: Record<string, string>;
  /** Put before the thread subject instead of "Re: " (auto-replies). */
  subjectPrefix?: string;
  /** A ready-made HTML body (newsletters). */
  htmlBody?: string;
  gap: Gap;
  /** Set by the timeline: ms since epoch. */
  at: number;
}

/** One planned thread. */
export interface PlannedThread {
  subject: string;
  messages: PlannedMessage[];
  /** The thread's slot values, used again when attachments are made. */
  slots: Slots;
  /** Range for the age of the last message, in ms before `now`. */
  lastAge: readonly [number, number];
}

/** One hour in ms. */
export const HOUR = 3_600_000;
/** One day in ms. */
export const DAY = 24 * HOUR;
/** The mailbox spans this much time before `now`. */
export const SPAN = 90 * DAY;

function hourOfDay(ms: number): number {
  const d = new Date(ms);
  return d.getUTCHours() + d.getUTCMinutes() / 60;
}

function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** Moves a time into shop hours (08:00-18:30), to the next opening if it falls outside. */
function inShopHours(random: DemoRandom, at: number): number {
  const hour = hourOfDay(at);
  if (hour < 8) return startOfDay(at) + 8 * HOUR + random.between(0, 1.5) * HOUR;
  if (hour >= 18.5) return startOfDay(at) + DAY + 8 * HOUR + random.between(0, 2) * HOUR;
  return at;
}

/** Moves a night-time customer message to the morning, except for the odd night owl. */
function awake(random: DemoRandom, at: number): number {
  const hour = hourOfDay(at);
  if (hour >= 6.5 || random.chance(0.08)) return at;
  return startOfDay(at) + 7 * HOUR + random.between(0, 2.5) * HOUR;
}

function nextTime(random: DemoRandom, previous: number, gap: Gap): number {
  if (gap.kind === 'days') return startOfDay(previous) + gap.days * DAY + random.between(9, 17) * HOUR;
  const at = previous + random.between(gap.minHours, gap.maxHours) * HOUR;
  if (gap.kind === 'team') return inShopHours(random, at);
  if (gap.kind === 'customer') return awake(random, at);
  return at;
}

/** Gives every message of the thread its final time, relative to `now`. */
export function scheduleThread(random: DemoRandom, thread: PlannedThread, now: number): void {
  const first = thread.messages[0];
  if (!first) return;
  // Provisional layout from a start 60 days back at a random time of day.
  let at = startOfDay(now) - 60 * DAY + random.between(7, 21) * HOUR;
  if (first.kind === 'team') at = inShopHours(random, at);
  first.at = at;
  for (let i = 1; i < thread.messages.length; i++) {
    const message = thread.messages[i] as PlannedMessage;
    at = nextTime(random, at, message.gap);
    message.at = at;
  }
  const span = at - first.at;
  const [minAge, maxAge] = thread.lastAge;
  const oldest = SPAN - span - 2 * DAY;
  const age = Math.max(5 * 60_000, Math.min(random.between(minAge, maxAge), oldest));
  const target = now - age;
  const hasShopTimes = thread.messages.some((m) => m.kind === 'team');
  // Whole days keep shop hours intact; customer-only threads can land exactly.
  let shift = target - at;
  if (hasShopTimes) {
    const days = Math.floor(shift / DAY) * DAY;
    shift = days + closedDayNudge(thread, now, days);
  }
  for (const message of thread.messages) message.at += shift;
}

/** Extra whole days (usually 0, else earlier) that keep the shop's messages off Sundays, when it is closed. */
function closedDayNudge(thread: PlannedThread, now: number, shift: number): number {
  const first = (thread.messages[0] as PlannedMessage).at + shift;
  const last = (thread.messages[thread.messages.length - 1] as PlannedMessage).at + shift;
  for (let days = 0; days >= -6; days--) {
    const extra = days * DAY;
    if (last + extra > now - 5 * 60_000 || first + extra < now - SPAN) continue;
    const onSunday = thread.messages.some((m) => m.kind === 'team' && new Date(m.at + shift + extra).getUTCDay() === 0);
    if (!onSunday) return extra;
  }
  return 0;
}

/** Age of a thread's last message for ordinary threads: up to ~88 days, denser towards now. */
export function ordinaryAge(random: DemoRandom): readonly [number, number] {
  const age = 88 * DAY * Math.pow(random.next(), 1.8) + 20 * 60_000;
  return [age, age];
}

/** Gap presets. */
export const GAPS = {
  teamReply: (random: DemoRandom): Gap => {
    const roll = random.next();
    if (roll < 0.6) return { kind: 'team', minHours: 0.3, maxHours: 4 };
    if (roll < 0.9) return { kind: 'team', minHours: 4, maxHours: 20 };
    return { kind: 'team', minHours: 20, maxHours: 40 };
  },
  teamQuick: { kind: 'team', minHours: 0.1, maxHours: 2 } as Gap,
  customerReply: { kind: 'customer', minHours: 0.2, maxHours: 30 } as Gap,
  customerQuick: { kind: 'customer', minHours: 0.1, maxHours: 3 } as Gap,
  ccReply: { kind: 'customer', minHours: 0.5, maxHours: 10 } as Gap,
  auto: { kind: 'auto', minHours: 0.02, maxHours: 0.08 } as Gap,
  later: { kind: 'customer', minHours: 20, maxHours: 120 } as Gap,
  first: { kind: 'any', minHours: 0, maxHours: 0 } as Gap,
} as const;
