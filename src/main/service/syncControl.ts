import type { ImapFlow } from 'imapflow';
import type { LiveSyncSettings, LiveSyncStatus, SyncReport } from '../../shared/types';
import type { MailLogins } from '../auth/mailLogins';
import type { Outbox } from '../outbox/outbox';
import type { Account } from '../store/repos/accounts';
import { listFolders } from '../store/repos/folders';
import { setSetting } from '../store/repos/settings';
import { DiskFullRetry } from './diskFullRetry';
import type { ServiceEvents } from './events';
import { LiveSync } from './liveSync';
import { teamLogPass } from './teamLogPass';
import { liveSettings, storedLiveStatus } from './liveStatus';
import { syncAccount } from './sync';
import { LARGE_MESSAGE_BYTES } from '../mail/imap/largeMessage';
import type { TeamEngine } from './team';
import type { ServiceDeps } from './types';

/** What sync needs of the service that owns it. */
export interface SyncHost {
  readonly deps: Readonly<ServiceDeps>;
  readonly events: ServiceEvents;
  readonly logins: MailLogins;
  requireAccount(): Account;
  requireTeam(): TeamEngine;
  team(): TeamEngine | null;
  outbox(): Outbox | null;
  /** Recomputes the due times of these threads (every thread after a policy change). */
  refreshDeadlines(threadIds: number[]): void;
}

/**
 * Sync passes and live sync for the service: one pass at a time (a request during a pass gets
 * the pass after it), the team log read and appended in each pass, and push sync with its
 * full-disk retry.
 */
export class SyncControl {
  private syncing: Promise<SyncReport> | null = null;
  private nextSync: Promise<SyncReport> | null = null;
  private live: LiveSync | null = null;
  private diskFull: DiskFullRetry | null = null;

  constructor(private readonly host: SyncHost) {}

  /** Whether push sync is running. */
  get isLive(): boolean {
    return this.live !== null;
  }

  /** Runs one sync pass; concurrent requests share the pass already running. */
  async syncNow(): Promise<SyncReport> {
    const { deps } = this.host;
    if (deps.demo) return { folders: [], durationMs: 0 };
    // A request during a pass gets the pass after it, so a change seen mid-pass is never missed.
    if (this.syncing) {
      this.nextSync ??= this.syncing
        .catch(() => undefined)
        .then(() => {
          this.nextSync = null;
          return this.syncNow();
        });
      return this.nextSync;
    }
    const account = this.host.requireAccount();
    this.syncing = syncAccount({
      db: deps.db,
      account,
      secret: () => this.host.logins.secretFor(account),
      now: deps.now,
      events: this.host.events,
      modes: deps.syncModes ?? { qresync: true, condstore: true },
      teamAddresses: new Set([account.address.toLowerCase()]),
      teamPass: (client) => this.teamPass(client, account),
      settleThreads: (threadIds) => {
        this.host.team()?.materialize(threadIds);
        this.host.refreshDeadlines(threadIds);
      },
      withConnection: this.live?.withConnection,
      // Before live sync runs, a pass holds one connection: a second fits a budget of two or more.
      spareSlot: () =>
        this.live ? this.live.spareSlot() : liveSettings(deps.db).maxConnections >= 2 ? () => undefined : null,
      largeMessages: deps.dataDir
        ? { dataDir: deps.dataDir, minBytes: deps.largeMessageBytes ?? LARGE_MESSAGE_BYTES }
        : undefined,
      extraFolders: listFolders(deps.db, account.id)
        .filter((f) => f.role === 'other')
        .map((f) => f.path),
    })
      .catch((error: unknown) => {
        // Whoever asked for the pass, a full disk pauses live sync until a retry gets through.
        this.diskFull?.failed(error);
        throw error;
      })
      .finally(() => {
        this.syncing = null;
      });
    return this.syncing;
  }

  /** The team log's part of a pass: read, drop profiles the log already has, append, fold. */
  private async teamPass(client: ImapFlow, account: Account): Promise<void> {
    const { db, now, teamSnapshotEvery: snapshotEvery } = this.host.deps;
    await teamLogPass({ client, db, accountId: account.id, team: this.host.requireTeam(), now, snapshotEvery });
    this.host.refreshDeadlines([]); // a policy change re-times every thread
  }

  /**
   * Starts live sync after a first pass. A first pass the server refused for lack of
   * connections does not stop it: live sync checks again within its interval.
   */
  async startLive(): Promise<SyncReport> {
    const report = await this.syncNow().catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (code === 'too-many-connections' || code === 'server-busy') return { folders: [], durationMs: 0 };
      // Signed out before the first pass (e.g. at start-up): replies wait in the outbox, shown as such.
      if (code === 'signed-out') this.host.outbox()?.start();
      throw error;
    });
    const account = this.host.requireAccount();
    if (this.live) return report;
    // The outbox runs even when signing in fails (signed out): its replies wait there, shown as such.
    this.host.outbox()?.start();
    const secret = await this.host.logins.secretFor(account);
    const { deps } = this.host;
    this.diskFull = new DiskFullRetry(() => this.live?.ring(), deps.diskFullRetryMs);
    this.live = new LiveSync(
      deps.db,
      () => this.syncNow(),
      (status) => this.liveChanged(status),
      liveSettings(deps.db),
      deps.now,
      deps.liveTuning,
    );
    this.live.start(account, secret);
    return report;
  }

  /** Stops push sync and waits for its pass in flight. */
  async stopLive(): Promise<void> {
    const live = this.live;
    this.live = null;
    this.diskFull?.stop();
    await live?.stop();
  }

  /** Stops push sync without waiting (the provider signed the mailbox out). */
  pause(): void {
    const live = this.live;
    this.live = null;
    void live?.stop();
  }

  /** Waits for a pass in flight, whatever its outcome. */
  async settled(): Promise<void> {
    await this.syncing?.catch(() => undefined);
  }

  /** Stored for `status` in another process, and pushed to the sync panel. */
  private liveChanged(status: LiveSyncStatus): void {
    setSetting(this.host.deps.db, 'sync.liveStatus', status);
    this.host.events.emit('sync.live', status);
  }

  /** How live sync hears about changes (stored by the process running it, if not this one). */
  liveStatus(): LiveSyncStatus {
    const { db, now } = this.host.deps;
    return this.live?.status() ?? storedLiveStatus(db, now());
  }

  /** Saves a new connection budget or check interval, or notes the window's focus. */
  configureLive(change: Partial<LiveSyncSettings> & { focused?: boolean }): LiveSyncStatus {
    const { focused, ...settings } = change;
    const next = { ...liveSettings(this.host.deps.db), ...settings };
    if (Object.keys(settings).length > 0) setSetting(this.host.deps.db, 'sync.settings', next);
    this.live?.configure({ settings: next, focused });
    return this.liveStatus();
  }

  /** Asks live sync for a pass soon (something to append or send is waiting). */
  ring(): void {
    // During the first pass (before push sync starts) ask for one more pass, so a claim made
    // while the mailbox is still filling is appended and confirmed, not left pending.
    if (this.live) this.live.ring();
    else if (this.syncing) void this.syncNow().catch(() => undefined);
  }
}
