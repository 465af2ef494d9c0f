import type { Toast } from '../../shared/contract';
import type { AttachmentFile } from '../../shared/types';
import type { MailLogins } from '../auth/mailLogins';
import type { Outbox } from '../outbox/outbox';
import { getAccount } from '../store/repos/accounts';
import { getSetting, setSetting } from '../store/repos/settings';
import { listThreadIds } from '../store/repos/threads';
import { DeadlineKeeper } from './deadlines';
import type { ServiceEvents } from './events';
import { createOutbox } from './outboxWiring';
import { DemoSession } from './demoSession';
import { Reminders } from './reminders';
import { dueSoonStart } from '../policy/dueSoon';
import { TeamEngine } from './team';
import type { ServiceDeps } from './types';

/** What the per-account parts need of the service. */
export interface AccountHost {
  readonly deps: Readonly<ServiceDeps>;
  readonly events: ServiceEvents;
  readonly logins: MailLogins;
  /** Asks live sync for a pass soon. */
  ring(): void;
  fetchAttachment(messageRowId: number, part: string): Promise<AttachmentFile>;
}

/**
 * The parts that belong to one database's account: the team engine, the outbox, the deadline
 * keeper and the reminders. The service makes a new set whenever the database changes (demo in
 * or out, mailbox removed), so nothing of the old one leaks into the new.
 */
export class AccountParts {
  /** Keeps each thread's due time current (see service/deadlines.ts). */
  readonly deadlines: DeadlineKeeper;
  private teamEngine: { accountId: number; engine: TeamEngine } | null = null;
  private outboxOf: { accountId: number; outbox: Outbox } | null = null;
  private demoOf: { accountId: number; session: DemoSession } | null = null;
  private reminders: Reminders | null = null;

  constructor(private readonly host: AccountHost) {
    this.deadlines = new DeadlineKeeper(
      host.deps.db,
      () => this.team()?.policyJson() ?? null,
      () => {
        const team = this.team();
        return (threadId) => team?.promisesFor(threadId) ?? [];
      },
    );
  }

  /** Whether tray and notification reminders run. */
  get reminding(): boolean {
    return this.reminders !== null;
  }

  /** The team engine of the current account (created on first use), or null without one. */
  team(): TeamEngine | null {
    const { db, now, me } = this.host.deps;
    const account = getAccount(db);
    if (!account) return null;
    if (this.teamEngine?.accountId !== account.id) {
      const signals = {
        threadsChanged: (threadIds: number[]) => this.threadsChanged(threadIds),
        toast: (toast: Toast) => this.host.events.emit('toast', toast),
        templatesChanged: () => this.host.events.emit('templates.changed', {}),
      };
      this.teamEngine = { accountId: account.id, engine: new TeamEngine(db, account.id, now, signals, me) };
    }
    return this.teamEngine.engine;
  }

  /** The account's outbox (created on first use); null without an account. The demo's sends through the demo's postman. */
  outbox(options: { undoMs?: number } = {}): Outbox | null {
    const { db, now } = this.host.deps;
    const account = getAccount(db);
    if (!account) return null;
    if (this.outboxOf?.accountId !== account.id) {
      const { events } = this.host;
      const demo = this.demo();
      const outbox = createOutbox({
        db,
        account,
        secret: () => this.host.logins.secretFor(account),
        team: this.team(),
        deadlines: this.deadlines,
        now,
        ...options,
        ...(demo ? { postman: demo.postman } : {}),
        attachment: async (id, part) => {
          const file = await this.host.fetchAttachment(id, part);
          return { path: file.path, filename: file.filename };
        },
        changed: (item) => events.emit('outbox.changed', item),
        toast: (toast) => events.emit('toast', toast),
        sent: () => this.host.ring(),
      });
      this.outboxOf = { accountId: account.id, outbox };
    }
    return this.outboxOf.outbox;
  }

  /** The demo's own parts (postman, customers, local team log); null for a real mailbox. */
  demo(): DemoSession | null {
    const { db, demo, now } = this.host.deps;
    const account = getAccount(db);
    if (!demo || !account) return null;
    if (this.demoOf?.accountId !== account.id) {
      const session = new DemoSession({
        db,
        accountId: account.id,
        address: account.address,
        now,
        team: () => this.team(),
        stored: (threadIds) => this.mailStored(threadIds),
      });
      this.demoOf = { accountId: account.id, session };
    }
    return this.demoOf.session;
  }

  /** Mail filed without a sync (the demo): the team part of these threads, then listeners. */
  private mailStored(threadIds: number[]): void {
    this.team()?.materialize(threadIds);
    this.threadsChanged(threadIds);
  }

  /** Threads changed: refresh their due times, then tell listeners. */
  private threadsChanged(threadIds: number[]): void {
    this.refreshDeadlines(threadIds);
    this.host.events.emit('threads.changed', { threadIds });
    this.reminders?.tick();
  }

  /** Recomputes due times; everything when the team policy changed (or on first use). */
  refreshDeadlines(threadIds: number[]): void {
    const { db, now } = this.host.deps;
    const account = getAccount(db);
    if (!account) return;
    const json = JSON.stringify(this.deadlines.policy());
    if (json !== getSetting<string>(db, 'deadlines.policy', '')) {
      this.deadlines.refresh(listThreadIds(db, account.id), now());
      setSetting(db, 'deadlines.policy', json);
      return;
    }
    this.deadlines.refresh(threadIds, now());
  }

  /** Starts the tray and notification reminders (the desktop app and the web preview), and the demo. */
  startReminders(): void {
    if (this.reminders) return;
    this.refreshDeadlines([]);
    const { db, now } = this.host.deps;
    const { events } = this.host;
    this.reminders = new Reminders({
      db,
      accountId: () => getAccount(db)?.id ?? null,
      me: () => this.team()?.identity()?.address ?? null,
      dueSoon: (at) => dueSoonStart(this.deadlines.policy(), at),
      now,
      tray: (state) => events.emit('tray.changed', state),
      notify: (request) => events.emit('notify', request),
    });
    this.reminders.start();
    this.startDemo();
  }

  /** Checks reminders now, when they run (after the computer wakes, or the clock moved). */
  checkReminders(): void {
    this.reminders?.tick();
  }

  /** In the app, the demo's outbox sends and its customers answer (no live sync starts them there). */
  private startDemo(): void {
    const demo = this.demo();
    if (!demo) return;
    this.outbox()?.start();
    demo.start();
  }

  /** Stops the outbox (waiting for a send in flight), the demo's customers and the reminders. */
  async stop(): Promise<void> {
    await this.outboxOf?.outbox.stop();
    await this.demoOf?.session.stop();
    this.reminders?.stop();
    this.reminders = null;
  }
}
