import type { LiveSyncSettings, LiveSyncStatus } from '../../shared/types';
import type { Db } from '../store/db';
import type { Account } from '../store/repos/accounts';
import { listFolders } from '../store/repos/folders';
import { ConnectionBudget, type WithConnection } from '../mail/imap/budget';
import { connectImap, type ImapSettings } from '../mail/imap/connect';
import { backoffDelay } from '../mail/imap/backoff';
import { Doorbell, type DoorbellState } from '../mail/imap/watch';
import type { Explained } from '../mail/connectionErrors';
import { describeLive, FOCUSED_POLL_SECONDS } from './liveStatus';
import { serverOf, type MailSecret } from '../mail/login';

/** How long to gather a burst of server notifications into one sync pass. */
const DEBOUNCE_MS = 100;
/** A full pass at least this often, for changes a server's push or STATUS does not show. */
const SAFETY_PASS_MS = 5 * 60_000;

/** Knobs tests turn; the defaults are the product's. */
export interface LiveSyncTuning {
  /** After the server refused a connection as over its limit, wait this long before holding one again. */
  cooldownMs?: number;
  /** First retry of a pass the server refused (doubling, never past the check interval). */
  retryMs?: number;
  /** Check interval while the window is focused. */
  focusedPollSeconds?: number;
  random?: () => number;
}

/**
 * Live sync within a connection budget: one watching connection (see mail/imap/watch.ts)
 * rings the bell and lends itself to the sync passes; without it (the budget is one, or the
 * server has no room) passes run on short-lived connections every check interval. Passes run
 * one at a time; a ring during a pass schedules exactly one more.
 */
export class LiveSync {
  private doorbell: Doorbell | null = null;
  private budget: ConnectionBudget;
  private settings: ImapSettings | null = null;
  private timer: NodeJS.Timeout | null = null;
  private tick: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private focused = false;
  private watching: DoorbellState = { mode: null, problem: null };
  private passProblem: Explained | null = null;
  private refusedPasses = 0;
  private lastPassAt = 0;
  private started = false;

  constructor(
    private readonly db: Db,
    private readonly runPass: () => Promise<unknown>,
    private readonly onStatus: (status: LiveSyncStatus) => void,
    private choice: LiveSyncSettings,
    private readonly now: () => number,
    private readonly tuning: LiveSyncTuning = {},
  ) {
    this.budget = new ConnectionBudget(choice.maxConnections);
  }

  /** Starts watching the account's synced folders (call after a first pass created them). */
  start(account: Account, secret: MailSecret): void {
    this.settings = { ...serverOf(account, 'imap'), ...secret };
    const folders = listFolders(this.db, account.id);
    const paths = ['inbox', 'sent', 'all', 'team-log'].flatMap((role) =>
      folders.filter((f) => f.role === role).map((f) => f.path),
    );
    this.started = true;
    this.lastPassAt = this.now();
    if (this.choice.maxConnections >= 2) this.startDoorbell(paths.length > 0 ? paths : ['INBOX']);
    this.schedule();
    this.report();
  }

  /** Asks for a pass soon; bursts collapse into one. */
  ring(): void {
    if (this.timer || !this.started) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pass();
    }, DEBOUNCE_MS);
  }

  /** The watching connection when it is up, otherwise a short-lived one within the budget. */
  readonly withConnection: WithConnection = async (work) => {
    const lent = this.doorbell?.borrow(work);
    if (lent) return lent;
    if (!this.settings) throw new Error('live sync is not running');
    const settings = this.settings;
    return this.budget.run(async () => {
      const client = await connectImap(settings);
      try {
        return await work(client);
      } finally {
        await client.logout().catch(() => client.close());
      }
    });
  };

  /** One more connection's slot, when the budget has room now; null otherwise. */
  spareSlot(): (() => void) | null {
    return this.budget.tryAcquire();
  }

  /** Changes the budget or interval (Settings) or says whether the window is in front. */
  configure(change: { settings?: LiveSyncSettings; focused?: boolean }): void {
    if (change.focused !== undefined) this.focused = change.focused;
    const before = this.choice;
    if (change.settings) this.choice = change.settings;
    if (change.settings && change.settings.maxConnections !== before.maxConnections && this.started) {
      // A new budget: the watching connection is rebuilt (or given up) under it.
      const paths = this.doorbell ? this.doorbell.folders : null;
      void this.doorbell?.stop();
      this.doorbell = null;
      this.budget = new ConnectionBudget(this.choice.maxConnections);
      this.watching = { mode: null, problem: null };
      if (this.choice.maxConnections >= 2 && paths) this.startDoorbell(paths);
    }
    this.doorbell?.nudge();
    this.schedule();
    this.report();
  }

  /** How live sync hears about changes now. */
  status(): LiveSyncStatus {
    return describeLive({
      running: this.started,
      push: this.watching.mode,
      problem: this.passProblem ?? this.watching.problem,
      settings: this.choice,
      pollSeconds: this.pollSeconds(),
      connections: this.budget.held,
      now: this.now(),
    });
  }

  /** Stops the watching connection and timers, and waits for a pass in flight. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.tick) clearTimeout(this.tick);
    this.timer = null;
    this.tick = null;
    await this.doorbell?.stop();
    this.doorbell = null;
    await this.running;
    this.watching = { mode: null, problem: null };
    this.report();
  }

  private startDoorbell(folders: string[]): void {
    if (!this.settings) return;
    this.doorbell = new Doorbell({
      settings: this.settings,
      folders,
      budget: this.budget,
      onChange: () => this.ring(),
      onState: (state) => {
        this.watching = state;
        this.report();
      },
      checkEveryMs: () => this.pollSeconds() * 1000,
      leaveHeadroom: true,
      cooldownMs: this.tuning.cooldownMs,
      random: this.tuning.random,
    });
    this.doorbell.start();
  }

  private pollSeconds(): number {
    const background = this.choice.pollSeconds;
    return this.focused ? Math.min(background, this.tuning.focusedPollSeconds ?? FOCUSED_POLL_SECONDS) : background;
  }

  /** Without a watching connection, a pass every check interval; a full pass every few minutes anyway. */
  private schedule(delayMs = this.pollSeconds() * 1000): void {
    if (this.tick) clearTimeout(this.tick);
    if (!this.started) return;
    this.tick = setTimeout(() => {
      this.tick = null;
      const watched = this.doorbell?.pushMode != null;
      if (!watched || this.passProblem || this.now() - this.lastPassAt >= SAFETY_PASS_MS) this.ring();
      this.schedule();
    }, delayMs);
  }

  private async pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        this.lastPassAt = this.now();
        await this.runPass().then(
          () => this.passed(null),
          (error: unknown) => this.passed(error),
        );
      } while (this.again && this.started);
    })();
    await this.running;
    this.running = null;
  }

  /** After a pass: a refusal for too many connections is retried soon, within the check interval. */
  private passed(error: unknown): void {
    const refusal = refusalOf(error);
    const hadProblem = this.passProblem !== null;
    this.passProblem = refusal;
    if (refusal) {
      const retry = backoffDelay(
        this.refusedPasses++,
        (this.tuning.random ?? Math.random)(),
        this.tuning.retryMs ?? 2000,
      );
      this.schedule(Math.min(retry, this.pollSeconds() * 1000));
    } else this.refusedPasses = 0;
    if (refusal || hadProblem) this.report();
  }

  private report(): void {
    this.onStatus(this.status());
  }
}

/** A pass that failed because the server had no connection to spare (codes from connectionErrors). */
function refusalOf(error: unknown): Explained | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if ((code === 'too-many-connections' || code === 'server-busy') && typeof message === 'string')
    return { code, message };
  return null;
}
