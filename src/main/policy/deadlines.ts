/**
 * Deadline rules (docs/PRODUCT.md principles 2–3), pure: a thread's messages, its state,
 * the policy and `now` in; its one due time out.
 *
 * - The clock starts at the earliest customer message after the team's last reply.
 *   Colleagues writing to the shared mailbox are customers here.
 * - Automated mail (auto-replies, bounces, list traffic) starts no clock, and meets none.
 * - A team reply meets the clock. A courtesy reply meets it too and starts a promise clock.
 * - A promise is kept by a non-courtesy reply, or by closing the thread, before its time.
 * - A snooze hides the thread until its time; a customer message after it ends it early.
 * - Closed threads have no deadline; a customer message after the close reopens the thread.
 */
import type { Deadline, DeadlineReason, DeadlineState, Policy } from '../../shared/policy';
import { calendarForPolicy, type BusinessCalendar } from './calendar';

/** One message of a thread as the deadline rules see it. */
export interface ThreadMessage {
  at: number;
  /** `customer` is anyone outside the team, colleagues writing to the shared mailbox included. */
  direction: 'customer' | 'team';
  isAutomated: boolean;
  /** A team reply sent as a courtesy reply (acknowledgement with a promised date). */
  isCourtesy?: boolean;
  /** The promised date of a courtesy reply. */
  promiseAt?: number;
}

/** A snooze from the team log: set at `at`, hiding the thread until `until`. */
export interface Snooze {
  at: number;
  until: number;
}

/** A thread's workflow state, as the team log and the store know it. */
export interface ThreadState {
  status: 'open' | 'waiting' | 'closed';
  snooze?: Snooze;
  /** When the thread was last closed; kept after a reopen so the close still counts. */
  closedAt?: number;
}

/** What a deadline computation needs: the thread's messages (oldest first) and state. */
export interface DeadlineThread {
  messages: readonly ThreadMessage[];
  state: ThreadState;
}

/** A policy compiled for fast, repeated deadline computation. */
export interface DeadlineRules {
  calendar: BusinessCalendar;
  courtesyWindowMinutes: number;
  dueSoonLeadMs: number;
}

/** Compiles a policy once; reuse the result for every thread. */
export function deadlineRules(policy: Policy): DeadlineRules {
  return {
    calendar: calendarForPolicy(policy),
    courtesyWindowMinutes: policy.courtesyWindowMinutes,
    dueSoonLeadMs: policy.dueSoonLeadMinutes * 60_000,
  };
}

/** A courtesy clock: started by a customer message, waiting for a human reply. */
export interface ResponseClock {
  startedAt: number;
  reason: 'first-response' | 'next-response';
}

/** A promise made in a courtesy reply. */
export interface TeamPromise {
  madeAt: number;
  promisedAt: number;
}

/** Observes how clocks and promises end while a thread is folded (metrics use it). */
export interface FoldObserver {
  clockEnded?(clock: ResponseClock, at: number, by: 'reply' | 'courtesy' | 'close'): void;
  promiseEnded?(promise: TeamPromise, at: number, by: 'reply' | 'close' | 'superseded'): void;
  reopened?(at: number): void;
}

/** Where a thread stands after all its messages and closes. */
export interface ThreadFold {
  clock: ResponseClock | null;
  promise: TeamPromise | null;
  /** Closed by the last close and not reopened by a customer since. */
  closed: boolean;
  lastCustomerAt: number | null;
}

/** A human message from outside the team: the only kind that starts a clock. */
export function isCustomerMessage(m: ThreadMessage): boolean {
  return m.direction === 'customer' && !m.isAutomated;
}

/** A reply written by a teammate (from Promptly or any other client, seen in Sent). */
export function isTeamReply(m: ThreadMessage): boolean {
  return m.direction === 'team' && !m.isAutomated;
}

/** The messages oldest first; returns the input itself when it is already in order. */
export function inTimeOrder(messages: readonly ThreadMessage[]): readonly ThreadMessage[] {
  for (let i = 1; i < messages.length; i++) {
    if ((messages[i]?.at ?? 0) < (messages[i - 1]?.at ?? 0)) return [...messages].sort((a, b) => a.at - b.at);
  }
  return messages;
}

/**
 * Replays a thread's messages and closes (both oldest first) through the rules. A close at
 * the same instant as a message counts after it.
 */
export function foldThread(
  messages: readonly ThreadMessage[],
  closes: readonly number[],
  observer: FoldObserver = {},
): ThreadFold {
  const fold: ThreadFold = { clock: null, promise: null, closed: false, lastCustomerAt: null };
  let replied = false;
  let c = 0;
  for (const m of messages) {
    while (c < closes.length && (closes[c] ?? 0) < m.at) applyClose(fold, closes[c++] ?? 0, observer);
    if (isCustomerMessage(m)) {
      if (fold.closed) observer.reopened?.(m.at);
      fold.closed = false;
      fold.lastCustomerAt = m.at;
      fold.clock ??= { startedAt: m.at, reason: replied ? 'next-response' : 'first-response' };
    } else if (isTeamReply(m)) {
      replied = true;
      applyReply(fold, m, observer);
    }
  }
  while (c < closes.length) applyClose(fold, closes[c++] ?? 0, observer);
  return fold;
}

function applyReply(fold: ThreadFold, m: ThreadMessage, observer: FoldObserver): void {
  const courtesy = m.isCourtesy === true;
  if (fold.clock) observer.clockEnded?.(fold.clock, m.at, courtesy ? 'courtesy' : 'reply');
  fold.clock = null;
  if (!courtesy) {
    if (fold.promise) observer.promiseEnded?.(fold.promise, m.at, 'reply');
    fold.promise = null;
  } else if (m.promiseAt !== undefined) {
    if (fold.promise) observer.promiseEnded?.(fold.promise, m.at, 'superseded');
    fold.promise = { madeAt: m.at, promisedAt: m.promiseAt };
  }
}

function applyClose(fold: ThreadFold, at: number, observer: FoldObserver): void {
  if (fold.clock) observer.clockEnded?.(fold.clock, at, 'close');
  if (fold.promise) observer.promiseEnded?.(fold.promise, at, 'close');
  fold.clock = null;
  fold.promise = null;
  fold.closed = true;
}

/** The closes the deadline rules know from a thread's state. */
export function closesOf(state: ThreadState): number[] {
  return state.closedAt === undefined ? [] : [state.closedAt];
}

/** Calm until the lead time before the deadline, then due soon, then overdue once it passes. */
export function deadlineStateAt(dueAt: number, reason: DeadlineReason, now: number, leadMs: number): DeadlineState {
  return deadlineStateFrom(dueAt, reason, now, dueAt - leadMs);
}

/** Calm until `soonFrom` (when the deadline enters Due soon), then due soon, then overdue once it passes. */
export function deadlineStateFrom(dueAt: number, reason: DeadlineReason, now: number, soonFrom: number): DeadlineState {
  if (now >= dueAt) return 'overdue';
  // A snoozed thread stays hidden (calm) until its time; it comes back as a fresh reminder.
  if (reason !== 'snooze' && now >= soonFrom) return 'due-soon';
  return 'calm';
}

/** The instant a courtesy clock runs out under the rules. */
export function courtesyDueAt(clock: ResponseClock, rules: DeadlineRules): number {
  return rules.calendar.addMinutes(clock.startedAt, rules.courtesyWindowMinutes);
}

/** The thread's one due time, why, and its state at `now`; null when nothing is due (or closed). */
export function computeDeadline(thread: DeadlineThread, rules: DeadlineRules, now: number): Deadline | null {
  const { state } = thread;
  if (state.status === 'closed' && state.closedAt === undefined) return null;
  const fold = foldThread(inTimeOrder(thread.messages), closesOf(state), {});
  if (state.status === 'closed' && fold.closed) return null;
  const pick = snoozeDue(state.snooze, fold) ?? earliestDue(fold, rules);
  if (!pick) return null;
  return { ...pick, state: deadlineStateAt(pick.dueAt, pick.reason, now, rules.dueSoonLeadMs) };
}

function snoozeDue(snooze: Snooze | undefined, fold: ThreadFold): { dueAt: number; reason: DeadlineReason } | null {
  if (!snooze) return null;
  if (fold.lastCustomerAt !== null && fold.lastCustomerAt > snooze.at) return null;
  return { dueAt: snooze.until, reason: 'snooze' };
}

function earliestDue(fold: ThreadFold, rules: DeadlineRules): { dueAt: number; reason: DeadlineReason } | null {
  const clockDue = fold.clock ? courtesyDueAt(fold.clock, rules) : Infinity;
  const promiseDue = fold.promise ? fold.promise.promisedAt : Infinity;
  if (fold.clock && clockDue <= promiseDue) return { dueAt: clockDue, reason: fold.clock.reason };
  if (fold.promise) return { dueAt: promiseDue, reason: 'promise' };
  return null;
}

/** Mail headers as parsed: names in any case, repeated headers as arrays. */
export type MailHeaders = Record<string, string | string[]>;

const AUTOMATED_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const DAEMON_SENDERS = /^(mailer-daemon|postmaster)$/i;

function headerValues(headers: MailHeaders, name: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) out.push(...(Array.isArray(value) ? value : [value]));
  }
  return out;
}

/** The first token of a structured header value, lower-cased ("auto-replied; x=y" -> "auto-replied"). */
function firstToken(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function localPartOf(from: string): string {
  const angle = /<([^<>]*)>/.exec(from);
  const address = (angle ? angle[1] : from) ?? '';
  return (address.split('@')[0] ?? '').trim().replace(/^"|"$/g, '');
}

/**
 * True for mail no human wrote, which therefore starts no courtesy clock: auto-replies
 * (RFC 3834 Auto-Submitted other than "no"; X-Autoreply; X-Autorespond; Precedence
 * bulk/junk/list/auto_reply), mailing-list traffic (RFC 2369/2919 List-Id, List-Unsubscribe),
 * delivery and disposition reports (RFC 6522 multipart/report, RFC 3464 null return path)
 * and MAILER-DAEMON or postmaster senders.
 */
export function isAutomatedMessage(headers: MailHeaders, from: string, contentType?: string): boolean {
  if (headerValues(headers, 'auto-submitted').some((v) => firstToken(v) !== 'no' && firstToken(v) !== '')) return true;
  const flags = [...headerValues(headers, 'x-autoreply'), ...headerValues(headers, 'x-autorespond')];
  if (flags.some((v) => firstToken(v) !== 'no')) return true;
  if (headerValues(headers, 'precedence').some((v) => AUTOMATED_PRECEDENCE.has(firstToken(v)))) return true;
  if (headerValues(headers, 'list-id').length > 0 || headerValues(headers, 'list-unsubscribe').length > 0) return true;
  if (headerValues(headers, 'return-path').some((v) => v.replace(/\s/g, '') === '<>')) return true;
  const types = [contentType ?? '', ...headerValues(headers, 'content-type')].map(firstToken);
  if (types.some((t) => t === 'multipart/report' || t === 'message/delivery-status')) return true;
  return DAEMON_SENDERS.test(localPartOf(from));
}
