/**
 * Follow-through metrics (docs/PRODUCT.md principle 5), pure over data the store can build:
 * courtesy deadlines met, time to first human reply, promises kept, repeat contact, and
 * open threads by owner and age. No "fastest closer" numbers on purpose.
 *
 * Work in two steps: `threadOutcomes` replays each thread once; `followThroughMetrics`
 * summarises outcomes over any period, so 12 weekly periods cost one replay.
 */
import { DateTime } from 'luxon';
import { AGE_BUCKETS, type AgeBucket, type FollowThroughMetrics, type Spread } from '../../shared/policy';
import type { BusinessCalendar } from './calendar';
import {
  closesOf,
  courtesyDueAt,
  foldThread,
  inTimeOrder,
  isCustomerMessage,
  isTeamReply,
  type DeadlineRules,
  type DeadlineThread,
} from './deadlines';

const DAY = 86_400_000;
/** A customer writing again within this long after a close is a repeat contact. */
export const REPEAT_CONTACT_WINDOW_MS = 7 * DAY;

/** A thread with what metrics need beyond its deadline inputs. */
export interface MetricsThread extends DeadlineThread {
  threadId: string;
  owner: string | null;
  /** Who the customer is (address, or domain), to spot the same customer writing again. */
  customer: string;
  /** Every close, oldest first; defaults to `state.closedAt`. */
  closes?: readonly number[];
}

/** How one courtesy clock ended. */
export interface ClockOutcome {
  startedAt: number;
  dueAt: number;
  endedAt: number | null;
  by: 'reply' | 'courtesy' | 'close' | null;
}

/** How one promise ended. */
export interface PromiseOutcome {
  madeAt: number;
  promisedAt: number;
  endedAt: number | null;
  by: 'reply' | 'close' | 'superseded' | null;
}

/** One thread replayed: its clocks, promises, first reply, closes and open stretches. */
export interface ThreadOutcomes {
  threadId: string;
  owner: string | null;
  customer: string;
  clocks: ClockOutcome[];
  promises: PromiseOutcome[];
  firstReply: { customerAt: number; replyAt: number } | null;
  closes: number[];
  customerMessages: number[];
  /** Stretches the thread was open: from its first message or a reopen, to a close. */
  openSpans: Array<{ from: number; to: number | null }>;
}

/** Replays one thread through the deadline rules and records every outcome. */
export function threadOutcomes(thread: MetricsThread, rules: DeadlineRules): ThreadOutcomes {
  const messages = inTimeOrder(thread.messages);
  const closes = [...(thread.closes ?? closesOf(thread.state))].sort((a, b) => a - b);
  const clocks: ClockOutcome[] = [];
  const promises: PromiseOutcome[] = [];
  const reopens: number[] = [];
  const fold = foldThread(messages, closes, {
    clockEnded: (c, at, by) => clocks.push({ startedAt: c.startedAt, dueAt: courtesyDueAt(c, rules), endedAt: at, by }),
    promiseEnded: (p, at, by) => promises.push({ ...p, endedAt: at, by }),
    reopened: (at) => reopens.push(at),
  });
  if (fold.clock)
    clocks.push({ startedAt: fold.clock.startedAt, dueAt: courtesyDueAt(fold.clock, rules), endedAt: null, by: null });
  if (fold.promise) promises.push({ ...fold.promise, endedAt: null, by: null });
  const customerMessages = messages.filter(isCustomerMessage).map((m) => m.at);
  return {
    threadId: thread.threadId,
    owner: thread.owner,
    customer: thread.customer,
    clocks,
    promises,
    firstReply: firstHumanReply(messages),
    closes,
    customerMessages,
    openSpans: openSpans(messages[0]?.at ?? null, closes, reopens, thread.state.status === 'closed' || fold.closed),
  };
}

function firstHumanReply(messages: DeadlineThread['messages']): ThreadOutcomes['firstReply'] {
  const first = messages.find(isCustomerMessage);
  if (!first) return null;
  const reply = messages.find((m) => isTeamReply(m) && m.at >= first.at);
  return reply ? { customerAt: first.at, replyAt: reply.at } : null;
}

function openSpans(
  firstAt: number | null,
  closes: readonly number[],
  reopens: readonly number[],
  closedNow: boolean,
): ThreadOutcomes['openSpans'] {
  if (firstAt === null) return [];
  const spans: ThreadOutcomes['openSpans'] = [];
  let from: number | null = firstAt;
  const events = [...closes.map((at) => ({ at, close: true })), ...reopens.map((at) => ({ at, close: false }))];
  events.sort((a, b) => a.at - b.at || Number(a.close) - Number(b.close));
  for (const e of events) {
    if (e.close && from !== null) {
      spans.push({ from, to: e.at });
      from = null;
    } else if (!e.close && from === null) from = e.at;
  }
  if (from !== null) spans.push({ from, to: closedNow ? from : null });
  return spans.filter((s) => s.to === null || s.to > s.from);
}

/** A period [from, to) in epoch milliseconds. */
export interface Period {
  from: number;
  to: number;
}

function within(at: number, p: Period): boolean {
  return at >= p.from && at < p.to;
}

/** Linear-interpolated percentile (the common "type 7"), p in 0..1; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

function spread(values: readonly number[]): Spread {
  return { median: percentile(values, 0.5), p90: percentile(values, 0.9) };
}

function share(good: number, bad: number): number | null {
  return good + bad === 0 ? null : good / (good + bad);
}

function courtesyOf(outcomes: readonly ThreadOutcomes[], p: Period, now: number): FollowThroughMetrics['courtesy'] {
  let met = 0;
  let missed = 0;
  let closedWithoutReply = 0;
  let pending = 0;
  for (const c of outcomes.flatMap((o) => o.clocks)) {
    if (!within(c.dueAt, p)) continue;
    if (c.endedAt === null) {
      if (c.dueAt <= now) missed++;
      else pending++;
    } else if (c.endedAt > c.dueAt) missed++;
    else if (c.by === 'close') closedWithoutReply++;
    else met++;
  }
  return { met, missed, closedWithoutReply, pending, share: share(met, missed) };
}

function promisesOf(outcomes: readonly ThreadOutcomes[], p: Period, now: number): FollowThroughMetrics['promises'] {
  let kept = 0;
  let broken = 0;
  let pending = 0;
  for (const pr of outcomes.flatMap((o) => o.promises)) {
    if (!within(pr.promisedAt, p)) continue;
    const fulfilled = pr.endedAt !== null && pr.by !== 'superseded' && pr.endedAt <= pr.promisedAt;
    if (fulfilled) kept++;
    else if (pr.endedAt !== null || pr.promisedAt <= now) broken++;
    else pending++;
  }
  return { kept, broken, pending, share: share(kept, broken) };
}

function firstReplyOf(
  outcomes: readonly ThreadOutcomes[],
  p: Period,
  calendar: BusinessCalendar,
): FollowThroughMetrics['firstReply'] {
  const wall: number[] = [];
  const business: number[] = [];
  for (const o of outcomes) {
    if (!o.firstReply || !within(o.firstReply.customerAt, p)) continue;
    wall.push(o.firstReply.replyAt - o.firstReply.customerAt);
    business.push(calendar.msBetween(o.firstReply.customerAt, o.firstReply.replyAt));
  }
  return { count: wall.length, wallClock: spread(wall), businessHours: spread(business) };
}

/** Customer message times per customer, sorted, for repeat-contact look-ups. */
function contactsByCustomer(outcomes: readonly ThreadOutcomes[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const o of outcomes) {
    const list = map.get(o.customer) ?? [];
    list.push(...o.customerMessages);
    map.set(o.customer, list);
  }
  for (const list of map.values()) list.sort((a, b) => a - b);
  return map;
}

function firstAfter(sorted: readonly number[], at: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] ?? null;
}

function repeatContactOf(
  outcomes: readonly ThreadOutcomes[],
  p: Period,
  now: number,
  contacts: Map<string, number[]>,
): FollowThroughMetrics['repeatContact'] {
  let closes = 0;
  let repeats = 0;
  for (const o of outcomes) {
    for (const closedAt of o.closes) {
      if (!within(closedAt, p)) continue;
      const next = firstAfter(contacts.get(o.customer) ?? [], closedAt);
      const reopened = firstAfter(o.customerMessages, closedAt) !== null;
      const repeat = reopened || (next !== null && next <= closedAt + REPEAT_CONTACT_WINDOW_MS);
      // A close whose 7 days are not over yet and shows no repeat cannot be judged yet.
      if (!repeat && closedAt + REPEAT_CONTACT_WINDOW_MS > now) continue;
      closes++;
      if (repeat) repeats++;
    }
  }
  return { closes, repeats, rate: closes === 0 ? null : repeats / closes };
}

/** The age bucket of a thread open for `ageMs`. */
export function ageBucket(ageMs: number): AgeBucket {
  if (ageMs < DAY) return 'under 1 day';
  if (ageMs < 3 * DAY) return '1–3 days';
  if (ageMs < 7 * DAY) return '3–7 days';
  if (ageMs < 28 * DAY) return '1–4 weeks';
  return 'over 4 weeks';
}

function openOf(outcomes: readonly ThreadOutcomes[], at: number): FollowThroughMetrics['open'] {
  const byOwner: Record<string, number> = {};
  const byAge = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;
  let total = 0;
  for (const o of outcomes) {
    const span = o.openSpans.find((s) => s.from <= at && (s.to === null || s.to > at));
    if (!span) continue;
    total++;
    const owner = o.owner ?? 'unassigned';
    byOwner[owner] = (byOwner[owner] ?? 0) + 1;
    byAge[ageBucket(at - span.from)]++;
  }
  return { total, byOwner, byAge };
}

/** The follow-through numbers for one period, judged as of `now`. */
export function followThroughMetrics(
  outcomes: readonly ThreadOutcomes[],
  calendar: BusinessCalendar,
  period: Period,
  now: number,
): FollowThroughMetrics {
  return {
    period: { from: period.from, to: period.to },
    courtesy: courtesyOf(outcomes, period, now),
    firstReply: firstReplyOf(outcomes, period, calendar),
    promises: promisesOf(outcomes, period, now),
    repeatContact: repeatContactOf(outcomes, period, now, contactsByCustomer(outcomes)),
    open: openOf(outcomes, Math.min(period.to, now)),
  };
}

/** The last `count` weeks (Monday to Monday in the team zone), oldest first, the last one holding `now`. */
export function weeklyPeriods(now: number, zone: string, count = 12): Period[] {
  const thisWeek = DateTime.fromMillis(now, { zone }).startOf('week');
  const periods: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = thisWeek.minus({ weeks: i });
    periods.push({ from: start.toMillis(), to: start.plus({ weeks: 1 }).toMillis() });
  }
  return periods;
}

/** Metrics per week over the last `weeks` weeks, for the dashboard charts. */
export function weeklyMetrics(
  outcomes: readonly ThreadOutcomes[],
  calendar: BusinessCalendar,
  zone: string,
  now: number,
  weeks = 12,
): FollowThroughMetrics[] {
  return weeklyPeriods(now, zone, weeks).map((p) => followThroughMetrics(outcomes, calendar, p, now));
}
