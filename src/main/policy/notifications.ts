/**
 * The notification scheduler and the tray state, pure. The shell calls `planNotifications`
 * on a timer (at `nextCheckAt`) and whenever deadlines change, shows what `fire` says, and
 * persists `nextState` before showing anything, so a restart never repeats a notification.
 * The tray count lives in tray.ts.
 *
 * - "Due soon" fires once per thread per deadline, when it enters the team's Due soon window
 *   (policy/dueSoon.ts); "overdue" once when it passes. A deadline is identified by its reason
 *   and due time.
 * - Only threads I own and unowned threads notify.
 * - During quiet hours notifications are held, then released as one summary.
 * - More than three at once become one summary ("5 replies due").
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { WEEKDAYS, clockMinutes, type Deadline, type DeadlineReason, type QuietHours } from '../../shared/policy';
import { deadlineStateFrom } from './deadlines';
import type { DueSoonStart } from './dueSoon';
import { isForMe } from './tray';

/** A thread as the scheduler sees it: who owns it and its current deadline. */
export interface NotificationThread {
  threadId: string;
  /** Teammate address or id; null when unowned. */
  owner: string | null;
  deadline: Pick<Deadline, 'dueAt' | 'reason'> | null;
}

/** Everything the scheduler needs besides its own state and `now`. */
export interface NotificationInput {
  /** The teammate running this app, compared with `owner`. */
  me: string;
  threads: readonly NotificationThread[];
  /** When a deadline enters Due soon (policy/dueSoon.ts `dueSoonStart`, built for `now`). */
  dueSoon: DueSoonStart;
  quietHours: QuietHours | null;
}

/** Which kind of reminder a thread notification is. */
export type NotificationKind = 'due-soon' | 'overdue';

/** A reminder about one thread; clicking it opens the thread. */
export interface ThreadNotification {
  type: 'thread';
  kind: NotificationKind;
  threadId: string;
  dueAt: number;
  reason: DeadlineReason;
  text: string;
}

/** Several reminders shown as one ("5 replies due"). */
export interface SummaryNotification {
  type: 'summary';
  count: number;
  overdue: number;
  threadIds: string[];
  /** True when these were held back by quiet hours. */
  afterQuietHours: boolean;
  text: string;
}

/** What the shell shows. */
export type Notification = ThreadNotification | SummaryNotification;

const firedSchema = z.object({ key: z.string(), dueSoon: z.boolean(), overdue: z.boolean() });
const heldSchema = z.object({
  threadId: z.string(),
  kind: z.enum(['due-soon', 'overdue']),
  key: z.string(),
});

/** The scheduler's persisted memory (JSON-serialisable). */
export const schedulerStateSchema = z.object({
  v: z.literal(1),
  /** Per thread, the recent deadlines and which reminders they already had. */
  fired: z.record(z.string(), z.array(firedSchema)),
  /** Reminders held back by quiet hours. */
  held: z.array(heldSchema),
});

/** The scheduler's persisted memory. */
export type SchedulerState = z.infer<typeof schedulerStateSchema>;
type FiredRecord = z.infer<typeof firedSchema>;
type Held = z.infer<typeof heldSchema>;

/** A new scheduler memory, for the first start. */
export function emptySchedulerState(): SchedulerState {
  return { v: 1, fired: {}, held: [] };
}

/** Restores persisted scheduler memory; anything unreadable starts afresh. */
export function parseSchedulerState(value: unknown): SchedulerState {
  const parsed = schedulerStateSchema.safeParse(value);
  return parsed.success ? parsed.data : emptySchedulerState();
}

/** The outcome of one scheduler step. */
export interface NotificationPlan {
  fire: Notification[];
  nextState: SchedulerState;
  /** When to call again (a deadline entering Due soon, one passing, or the end of quiet hours); null when idle. */
  nextCheckAt: number | null;
}

/** How many recent deadlines per thread are remembered (a promise can come back after a reply clock). */
const REMEMBERED_DEADLINES = 4;
/** More reminders than this at once become one summary. */
const BURST_LIMIT = 3;

function deadlineKey(d: Pick<Deadline, 'dueAt' | 'reason'>): string {
  return `${d.reason}@${d.dueAt}`;
}

/** Decides what to show now and what to remember. */
export function planNotifications(state: SchedulerState, input: NotificationInput, now: number): NotificationPlan {
  const fired: Record<string, FiredRecord[]> = { ...state.fired };
  const fresh: Held[] = [];
  const current = new Map<string, string>();
  let nextCheckAt: number | null = null;
  for (const t of input.threads) {
    if (t.deadline === null) {
      delete fired[t.threadId];
      continue;
    }
    if (!isForMe(t.owner, input.me)) continue;
    const key = deadlineKey(t.deadline);
    current.set(t.threadId, key);
    const records = fired[t.threadId] ?? [];
    const record = records.find((r) => r.key === key) ?? { key, dueSoon: false, overdue: false };
    const soonAt = input.dueSoon(t.deadline.dueAt);
    const kind = dueKind(record, t.deadline, now, soonAt);
    if (kind) {
      fresh.push({ threadId: t.threadId, kind, key });
      fired[t.threadId] = remember(records, { key, dueSoon: true, overdue: kind === 'overdue' });
    }
    nextCheckAt = earliest(nextCheckAt, nextTransition(record, t.deadline, now, soonAt, kind));
  }
  const quiet = input.quietHours !== null && isQuietAt(input.quietHours, now);
  const held = state.held.filter((h) => current.get(h.threadId) === h.key);
  if (quiet) {
    const quietEnd = input.quietHours ? quietEndsAt(input.quietHours, now) : null;
    const nextState = { v: 1 as const, fired, held: mergeHeld(held, fresh) };
    return {
      fire: [],
      nextState,
      nextCheckAt: nextState.held.length > 0 ? earliest(nextCheckAt, quietEnd) : nextCheckAt,
    };
  }
  const fire = release(held, fresh, input.threads);
  return { fire, nextState: { v: 1, fired, held: [] }, nextCheckAt };
}

function dueKind(
  record: FiredRecord,
  deadline: Pick<Deadline, 'dueAt' | 'reason'>,
  now: number,
  soonAt: number,
): NotificationKind | null {
  const state = deadlineStateFrom(deadline.dueAt, deadline.reason, now, soonAt);
  if (state === 'overdue' && !record.overdue) return 'overdue';
  if (state === 'due-soon' && !record.dueSoon) return 'due-soon';
  return null;
}

function nextTransition(
  record: FiredRecord,
  deadline: Pick<Deadline, 'dueAt' | 'reason'>,
  now: number,
  soonAt: number,
  justFired: NotificationKind | null,
): number | null {
  if (record.overdue || justFired === 'overdue') return null;
  const soonPending = deadline.reason !== 'snooze' && !record.dueSoon && justFired === null && soonAt > now;
  return soonPending ? soonAt : deadline.dueAt > now ? deadline.dueAt : null;
}

function remember(records: FiredRecord[], record: FiredRecord): FiredRecord[] {
  return [record, ...records.filter((r) => r.key !== record.key)].slice(0, REMEMBERED_DEADLINES);
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** One entry per thread; an overdue reminder replaces a due-soon one. */
function mergeHeld(held: readonly Held[], fresh: readonly Held[]): Held[] {
  const byThread = new Map<string, Held>();
  for (const h of [...held, ...fresh]) {
    const prior = byThread.get(h.threadId);
    if (!prior || h.kind === 'overdue' || prior.key !== h.key) byThread.set(h.threadId, h);
  }
  return [...byThread.values()];
}

function release(held: Held[], fresh: Held[], threads: readonly NotificationThread[]): Notification[] {
  if (held.length > 0) return [summary(mergeHeld(held, fresh), true)];
  if (fresh.length > BURST_LIMIT) return [summary(fresh, false)];
  const byId = new Map(threads.map((t) => [t.threadId, t]));
  return fresh.map((h) => threadNotification(h, byId.get(h.threadId)?.deadline ?? null));
}

function summary(items: Held[], afterQuietHours: boolean): SummaryNotification {
  const overdue = items.filter((h) => h.kind === 'overdue').length;
  const count = items.length;
  const base = `${count} ${count === 1 ? 'reply' : 'replies'} due`;
  const text = overdue > 0 ? `${base} (${overdue} overdue)` : base;
  return { type: 'summary', count, overdue, threadIds: items.map((h) => h.threadId), afterQuietHours, text };
}

const SOON_TEXT: Record<DeadlineReason, string> = {
  'first-response': 'A customer is waiting for a first reply',
  'next-response': 'A customer is waiting for a reply',
  promise: 'A promise to a customer is coming due',
  snooze: 'A snoozed thread is back',
};

function threadNotification(h: Held, deadline: Pick<Deadline, 'dueAt' | 'reason'> | null): ThreadNotification {
  const reason = deadline?.reason ?? 'next-response';
  const dueAt = deadline?.dueAt ?? 0;
  const text =
    reason === 'snooze'
      ? SOON_TEXT.snooze
      : h.kind === 'overdue'
        ? `${reason === 'promise' ? 'Promise' : 'Reply'} overdue`
        : SOON_TEXT[reason];
  return { type: 'thread', kind: h.kind, threadId: h.threadId, dueAt, reason, text };
}

function localMinute(dt: DateTime): number {
  return dt.hour * 60 + dt.minute;
}

function dayKey(dt: DateTime): string {
  return WEEKDAYS[dt.weekday - 1] ?? 'mon';
}

/** True when `now` falls in the teammate's quiet hours (in their own time zone). */
export function isQuietAt(quiet: QuietHours, now: number): boolean {
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  if (start === end) return false;
  const local = DateTime.fromMillis(now, { zone: quiet.timeZone });
  const minute = localMinute(local);
  const days = new Set<string>(quiet.days);
  if (start < end) return days.has(dayKey(local)) && minute >= start && minute < end;
  const startedToday = days.has(dayKey(local)) && minute >= start;
  const startedYesterday = days.has(dayKey(local.minus({ days: 1 }))) && minute < end;
  return startedToday || startedYesterday;
}

/** When the quiet stretch containing `now` ends (the next local `end` time). */
export function quietEndsAt(quiet: QuietHours, now: number): number {
  const local = DateTime.fromMillis(now, { zone: quiet.timeZone });
  const end = clockMinutes(quiet.end);
  const endToday = local
    .startOf('day')
    .plus({ minutes: 0 })
    .set({ hour: Math.floor(end / 60), minute: end % 60 });
  const at = localMinute(local) < end ? endToday : endToday.plus({ days: 1 });
  return at.toMillis();
}
