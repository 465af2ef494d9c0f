import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import type { NotifyRequest } from '../../shared/contract';
import type { QuietHours, TrayState } from '../../shared/policy';
import {
  emptySchedulerState,
  parseSchedulerState,
  planNotifications,
  type Notification,
} from '../policy/notifications';
import { trayState } from '../policy/tray';
import type { DueSoonStart } from '../policy/dueSoon';
import { getSetting, setSetting } from '../store/repos/settings';
import { sameTray } from './deadlines';
import { dueThreads } from '../store/repos/threads';

/** What reminders need from the rest of the service. */
export interface ReminderDeps {
  db: Db;
  accountId: () => number | null;
  me: () => string | null;
  /** When deadlines enter the team's Due soon window, as seen at a moment (policy/dueSoon.ts). */
  dueSoon: (now: number) => DueSoonStart;
  now: () => number;
  tray: (state: TrayState) => void;
  notify: (request: NotifyRequest) => void;
}

/** Longest wait between checks: deadlines can also pass without any event. */
const MAX_WAIT_MS = 60_000;

/**
 * The edge around the pure scheduler (policy/notifications.ts): feeds it the due threads,
 * shows what it decides, and persists its memory before showing anything, so a restart
 * never repeats a notification.
 */
export class Reminders {
  private timer: NodeJS.Timeout | null = null;
  private lastTray: TrayState | null = null;

  constructor(private readonly deps: ReminderDeps) {}

  /** One step: tray state and due notifications, now. */
  tick(): void {
    const accountId = this.deps.accountId();
    const me = this.deps.me();
    if (accountId === null) return;
    const now = this.deps.now();
    const threads = dueThreads(this.deps.db, accountId);
    const subjects = new Map(threads.map((t) => [t.key, t.subject]));
    const asInput = threads.map((t) => ({
      threadId: t.key,
      owner: t.owner,
      deadline: { dueAt: t.dueAt, reason: t.reason as 'first-response' },
    }));
    const dueSoon = this.deps.dueSoon(now);
    const tray = trayState(asInput, me ?? '', now, dueSoon);
    const withSubjects = {
      ...tray,
      urgent: tray.urgent.map((i) => ({ ...i, subject: subjects.get(i.threadId) ?? '' })),
    };
    if (!sameTray(this.lastTray, withSubjects)) {
      this.lastTray = withSubjects;
      this.deps.tray(withSubjects);
    }
    if (!me) return;
    const state = parseSchedulerState(getSetting(this.deps.db, 'reminders.state', emptySchedulerState()));
    const quiet = getSetting<QuietHours | null>(this.deps.db, 'quietHours', null);
    const plan = planNotifications(state, { me, threads: asInput, dueSoon, quietHours: quiet }, now);
    setSetting(this.deps.db, 'reminders.state', plan.nextState);
    for (const n of plan.fire) this.deps.notify(toRequest(n, subjects));
    this.schedule(
      plan.nextCheckAt === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(1000, plan.nextCheckAt - now)),
    );
  }

  private schedule(ms: number): void {
    if (this.timer === null && ms < 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), ms);
    this.timer.unref();
  }

  /** Starts checking (call once the account is open). */
  start(): void {
    this.tick();
    if (!this.timer) this.schedule(MAX_WAIT_MS);
  }

  /** Stops the timer. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function toRequest(n: Notification, subjects: Map<string, string>): NotifyRequest {
  if (n.type === 'summary') {
    return {
      id: randomUUID(),
      title: n.afterQuietHours ? 'While you were away' : 'Replies due',
      body: n.text,
      threadKey: null,
      kind: 'summary',
    };
  }
  const subject = subjects.get(n.threadId) ?? '';
  return {
    id: randomUUID(),
    title: n.kind === 'overdue' ? 'Reply overdue' : 'Reply due soon',
    body: subject ? `${subject}: ${n.text}` : n.text,
    threadKey: n.threadId,
    kind: n.kind,
  };
}
