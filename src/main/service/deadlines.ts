import type { Db } from '../store/db';
import { DEFAULT_POLICY, policySchema, type Policy, type TrayState } from '../../shared/policy';
import {
  computeDeadline,
  deadlineRules,
  isAutomatedMessage,
  type DeadlineRules,
  type DeadlineThread,
  type ThreadMessage,
} from '../policy/deadlines';
import { deadlineMessages } from '../store/repos/messages';
import { saveDue, threadExists } from '../store/repos/threads';
import { getThreadTeam } from '../store/repos/threadTeam';

/** A team promise (from the log), placed on the courtesy reply that made it. */
export interface PromiseMark {
  at: number;
  due: number;
}

/**
 * Keeps every thread's one due time current in the store (threads.due_at), so views can
 * filter and sort by it: recomputed for the threads a sync batch or a team event touched.
 * The rules are the pure policy code; this only gathers their inputs.
 */
export class DeadlineKeeper {
  private cached: { json: string; rules: DeadlineRules; policy: Policy } | null = null;

  constructor(
    private readonly db: Db,
    private readonly policySource: () => unknown,
    /** Reads team promises per thread; asked once per refresh, not per thread (it looks up the team). */
    private readonly promiseReader: () => (threadId: number) => PromiseMark[],
  ) {}

  /** The team policy from the log, or the defaults while none (or an invalid one) was set. */
  policy(): Policy {
    return this.rules().policy;
  }

  /** Compiled rules for the current policy (recompiled only when it changes). */
  rules(): { rules: DeadlineRules; policy: Policy } {
    const raw = this.policySource();
    const json = JSON.stringify(raw ?? null);
    if (this.cached?.json !== json) {
      const parsed = policySchema.safeParse(raw ?? {});
      const policy = parsed.success ? parsed.data : DEFAULT_POLICY;
      this.cached = { json, rules: deadlineRules(policy), policy };
    }
    return this.cached;
  }

  /** The deadline inputs of one thread: its messages (each Message-ID once) and team state. */
  input(threadId: number, promisesOf = this.promiseReader()): DeadlineThread {
    const seen = new Set<string>();
    const messages: ThreadMessage[] = [];
    for (const m of deadlineMessages(this.db, threadId)) {
      if (seen.has(m.messageId)) continue;
      seen.add(m.messageId);
      messages.push({
        at: m.date,
        direction: m.fromTeam ? 'team' : 'customer',
        isAutomated: !m.fromTeam && isAutomatedMessage(m.headers, m.fromAddress, m.headers['content-type']),
      });
    }
    for (const p of promisesOf(threadId)) markCourtesy(messages, p);
    const team = getThreadTeam(this.db, threadId);
    const state: DeadlineThread['state'] = { status: team?.status ?? 'open' };
    if (team?.status === 'closed' && team.statusAt !== null) state.closedAt = team.statusAt;
    if (team?.snoozedUntil && team.snoozedAt !== null) state.snooze = { at: team.snoozedAt, until: team.snoozedUntil };
    return { messages, state };
  }

  /** Recomputes and stores the due time of these threads. */
  refresh(threadIds: Iterable<number>, now: number): void {
    const { rules } = this.rules();
    const promisesOf = this.promiseReader();
    this.db.transaction(() => {
      for (const id of threadIds) {
        if (!threadExists(this.db, id)) continue; // merged away or expunged
        const deadline = computeDeadline(this.input(id, promisesOf), rules, now);
        saveDue(this.db, id, deadline?.dueAt ?? null, deadline?.reason ?? null);
      }
    })();
  }
}

/** The courtesy reply that made a promise is the team message closest to it (sent just before the event). */
function markCourtesy(messages: ThreadMessage[], p: PromiseMark): void {
  let best: ThreadMessage | null = null;
  for (const m of messages) {
    if (m.direction !== 'team' || Math.abs(m.at - p.at) > 15 * 60_000) continue;
    if (!best || Math.abs(m.at - p.at) < Math.abs(best.at - p.at)) best = m;
  }
  if (best) {
    best.isCourtesy = true;
    best.promiseAt = p.due;
    return;
  }
  // The reply is not synced yet: the promise event itself stands for it.
  messages.push({ at: p.at, direction: 'team', isAutomated: false, isCourtesy: true, promiseAt: p.due });
  messages.sort((a, b) => a.at - b.at);
}

/** Tray states are equal when nothing a person sees changed. */
export function sameTray(a: TrayState | null, b: TrayState): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
