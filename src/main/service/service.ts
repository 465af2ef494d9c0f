import type { CallInput, CallName, CallResult } from '../../shared/contract';
import { dispatch } from './dispatch';
import type { AccountInput } from '../../shared/schemas';
import type {
  AppInfo,
  AttachmentFile,
  ConnectionReport,
  LiveSyncSettings,
  LiveSyncStatus,
  SyncReport,
  ThreadDetail,
} from '../../shared/types';
import { getAccount, saveAccount, toAccountView, type Account } from '../store/repos/accounts';
import { resolveThread, listThreadIds } from '../store/repos/threads';
import { TeamEngine } from './team';
import { openDemoMailbox, seedDemoMailbox } from './demoMailbox';
import { openDb } from '../store/db';
import { DeadlineKeeper } from './deadlines';
import { Reminders } from './reminders';
import { createOutbox } from './outboxWiring';
import type { Outbox } from '../outbox/outbox';
import { getSetting, setSetting } from '../store/repos/settings';
import { rawThreadRows } from '../store/repos/messages';
import { ensureTeamLogFolder, flushPendingTeamEvents, syncTeamLog } from '../mail/imap/teamLogFolder';
import { listFolders } from '../store/repos/folders';
import { checkAccount } from '../mail/accountCheck';
import { syncAccount } from './sync';
import { LiveSync } from './liveSync';
import { liveSettings, storedLiveStatus } from './liveStatus';
import { DiskFullRetry } from './diskFullRetry';
import { ServiceEvents } from './events';
import { AppError } from './appError';
import type { Db } from '../store/db';
import type { Handlers, ServiceDeps } from './types';
import type { ServiceCore } from './handlers/core';
import { buildHandlers } from './handlers';
import { fetchAttachmentFile } from './handlers/attachments';
import { threadDetail } from './handlers/threads';
import { allowsRemoteContent } from './remoteImages';
import { Connector } from './connector';
import type { ConnectionState } from '../../shared/connection';
import { databaseFile } from '../paths';
import { removeLocalMailbox } from './localData';
import type { ClientSources } from '../auth/clients';
import { MailLogins } from '../auth/mailLogins';
import { OAuthFlow } from './oauthFlow';

export type { DesktopFiles, Handlers, ServiceDeps } from './types';

/**
 * The one application API and the composition root: it owns the per-account parts (team
 * engine, outbox, deadlines, live sync) and hands them to the handler modules in
 * handlers/. The IPC handlers, the browser bridge and the CLI all call it.
 */
export class PromptlyService implements ServiceCore {
  readonly events = new ServiceEvents();
  private syncing: Promise<SyncReport> | null = null;
  private live: LiveSync | null = null;
  private diskFull: DiskFullRetry | null = null;
  private nextSync: Promise<SyncReport> | null = null;
  private teamEngine: { accountId: number; engine: TeamEngine } | null = null;
  private outboxOf: { accountId: number; outbox: Outbox } | null = null;
  private reminders: Reminders | null = null;
  /** Brings the saved mailbox live and retries while its server is away (the app only). */
  private readonly connector: Connector;
  /** Running as the app (desktop or preview): a saved mailbox goes live at once. */
  private appStarted = false;
  private current: ServiceDeps;
  private readonly table: Handlers;
  /** Keeps each thread's due time current (see service/deadlines.ts). */
  deadlines: DeadlineKeeper;
  readonly logins: MailLogins;
  readonly oauth: OAuthFlow;

  constructor(deps: ServiceDeps) {
    this.current = deps;
    this.deadlines = this.keeper();
    this.logins = new MailLogins({
      secrets: deps.secrets,
      now: deps.now,
      clients: this.oauthClients(),
      onSignedOut: (_address, message) => this.pauseForSignIn(message),
    });
    this.oauth = new OAuthFlow({
      db: () => this.deps.db,
      logins: this.logins,
      clients: this.oauthClients(),
      now: deps.now,
      openUrl: deps.openUrl,
      connected: () => this.signedIn(),
    });
    this.table = buildHandlers(this);
    this.connector = new Connector({
      connect: async () => {
        await this.startLive();
      },
      explain: (error) => (error instanceof Error ? error.message : String(error)),
      emit: (state) => this.events.emit('connection.changed', state),
      now: deps.now,
    });
  }

  /** Where OAuth client IDs come from: the settings file in the data folder, then the environment. */
  oauthClients(): ClientSources {
    return this.deps.oauthClients ?? { dataDir: this.deps.dataDir, env: process.env };
  }

  /**
   * The provider refused the refresh token: sync pauses (no watcher keeps knocking) and the
   * outbox holds its replies until the person signs in again.
   */
  private pauseForSignIn(message: string): void {
    this.events.emit('sync.error', { code: 'signed-out', message });
    const live = this.live;
    this.live = null;
    void live?.stop();
  }

  /** Signed in (first time or again): replies held for the sign-in go out, sync runs live. */
  private signedIn(): void {
    const outbox = this.outbox();
    for (const item of outbox?.list() ?? [])
      if (item.state === 'failed' && item.error?.code === 'signed-out') outbox?.retry(item.id);
    if (!this.appStarted) {
      if (this.deps.syncAfterSignIn !== false) void this.startLive().catch(() => undefined);
      return;
    }
    // The connector still thinks the paused mailbox is live: start its attempts afresh.
    this.connector.stop();
    this.connector.start();
  }

  /** The outside world as passed in (the database changes when the demo opens). */
  get deps(): Readonly<ServiceDeps> {
    return this.current;
  }

  private keeper(): DeadlineKeeper {
    return new DeadlineKeeper(
      this.deps.db,
      () => this.team()?.policyJson() ?? null,
      (threadId) => this.team()?.promisesFor(threadId) ?? [],
    );
  }

  /**
   * "Explore the demo": the service switches to a fresh demo database; the person's own data
   * folder is untouched (a connected mailbox stops syncing until they leave the demo).
   */
  async openDemo(): Promise<AppInfo> {
    if (this.deps.demo) return this.appInfo();
    const dataDir = this.deps.dataDir;
    await this.switchDatabase(async () => {
      if (dataDir) return openDemoMailbox(dataDir, this.deps.now());
      const db = openDb(':memory:');
      await seedDemoMailbox(db, this.deps.now());
      return db;
    }, true);
    return this.appInfo();
  }

  /** Leaves the demo for the person's own data folder: setup when empty, else their mailbox, live. */
  async openSetup(): Promise<AppInfo> {
    if (!this.deps.demo) return this.appInfo();
    const dataDir = this.requireDataDir();
    await this.switchDatabase(() => openDb(databaseFile(dataDir)), false);
    if (this.appStarted && getAccount(this.deps.db)) this.connector.start();
    return this.appInfo();
  }

  /**
   * Forgets the mailbox on this computer: the local copy of its mail, the attachment cache, the
   * password and unsent replies. The server keeps all mail and the team log.
   */
  async removeAccount(): Promise<AppInfo> {
    const account = this.requireAccount();
    if (this.deps.demo)
      throw new AppError('invalid-arguments', 'The demo mailbox cannot be removed; leave the demo instead.');
    const dataDir = this.requireDataDir();
    await this.deps.secrets.delete(account.secretRef);
    await this.switchDatabase(() => {
      removeLocalMailbox(dataDir);
      return openDb(databaseFile(dataDir));
    }, false);
    return this.appInfo();
  }

  private requireDataDir(): string {
    if (!this.deps.dataDir) throw new AppError('invalid-arguments', 'This session has no data folder of its own.');
    return this.deps.dataDir;
  }

  /**
   * Swaps the database under every per-account part (demo in or out, mailbox removed): all
   * work on the old one stops and finishes first, then `open` gives the new one.
   */
  private async switchDatabase(open: () => Db | Promise<Db>, demo: boolean): Promise<void> {
    const reminding = this.reminders !== null;
    await this.stopLive();
    await this.syncing?.catch(() => undefined);
    this.deps.db.close();
    const db = await open();
    this.current = { ...this.current, db, demo };
    this.deadlines = this.keeper();
    this.teamEngine = null;
    this.outboxOf = null;
    this.refreshDeadlines([]);
    if (reminding) this.startReminders();
  }

  /** Threads changed: refresh their due times, then tell listeners. */
  private threadsChanged(threadIds: number[]): void {
    this.refreshDeadlines(threadIds);
    this.events.emit('threads.changed', { threadIds });
    this.reminders?.tick();
  }

  /** Recomputes due times; everything when the team policy changed (or on first use). */
  private refreshDeadlines(threadIds: number[]): void {
    const account = getAccount(this.deps.db);
    if (!account) return;
    const json = JSON.stringify(this.deadlines.policy());
    const stored = getSetting<string>(this.deps.db, 'deadlines.policy', '');
    if (json !== stored) {
      this.deadlines.refresh(listThreadIds(this.deps.db, account.id), this.deps.now());
      setSetting(this.deps.db, 'deadlines.policy', json);
      return;
    }
    this.deadlines.refresh(threadIds, this.deps.now());
  }

  /** The due-soon lead of the team policy, in ms. */
  leadMs(): number {
    return this.deadlines.policy().dueSoonLeadMinutes * 60_000;
  }

  /** The account's outbox (created on first use); null in the demo or without an account. */
  outbox(options: { undoMs?: number } = {}): Outbox | null {
    const account = getAccount(this.deps.db);
    if (!account || this.deps.demo) return null;
    if (this.outboxOf?.accountId !== account.id) {
      const outbox = createOutbox({
        db: this.deps.db,
        account,
        secret: () => this.logins.secretFor(account),
        team: this.team(),
        deadlines: this.deadlines,
        now: this.deps.now,
        ...options,
        attachment: async (id, part) => {
          const file = await this.fetchAttachment(id, part);
          return { path: file.path, filename: file.filename };
        },
        changed: (item) => this.events.emit('outbox.changed', item),
        toast: (toast) => this.events.emit('toast', toast),
        sent: () => this.ring(),
      });
      this.outboxOf = { accountId: account.id, outbox };
    }
    return this.outboxOf.outbox;
  }

  requireOutbox(): Outbox {
    const outbox = this.outbox();
    if (!outbox)
      throw new AppError(
        this.deps.demo ? 'not-found' : 'no-account',
        this.deps.demo
          ? 'The demo mailbox cannot send mail. Connect your own mailbox to reply.'
          : 'No mailbox is connected yet. Connect one first.',
      );
    return outbox;
  }

  /** Starts the tray and notification reminders (the desktop app and the web preview). */
  startReminders(): void {
    if (this.reminders) return;
    this.refreshDeadlines([]);
    this.reminders = new Reminders({
      db: this.deps.db,
      accountId: () => getAccount(this.deps.db)?.id ?? null,
      me: () => this.team()?.identity()?.address ?? null,
      leadMinutes: () => this.deadlines.policy().dueSoonLeadMinutes,
      now: this.deps.now,
      tray: (state) => this.events.emit('tray.changed', state),
      notify: (request) => this.events.emit('notify', request),
    });
    this.reminders.start();
  }

  /** The database, for read-only views built outside the handler table (CLI status). */
  get db(): Db {
    return this.deps.db;
  }

  /** The team engine of the current account (created on first use), or null without one. */
  team(): TeamEngine | null {
    const account = getAccount(this.deps.db);
    if (!account) return null;
    if (this.teamEngine?.accountId !== account.id) {
      const engine = new TeamEngine(
        this.deps.db,
        account.id,
        this.deps.now,
        {
          threadsChanged: (threadIds) => this.threadsChanged(threadIds),
          toast: (toast) => this.events.emit('toast', toast),
          templatesChanged: () => this.events.emit('templates.changed', {}),
        },
        this.deps.me,
      );
      this.teamEngine = { accountId: account.id, engine };
    }
    return this.teamEngine.engine;
  }

  requireTeam(): TeamEngine {
    const team = this.team();
    if (!team) throw new AppError('no-account', 'No mailbox is connected yet. Connect one first.');
    return team;
  }

  /** The current account, or a no-account error telling the person what to do. */
  requireAccount(): Account {
    const account = getAccount(this.deps.db);
    if (!account)
      throw new AppError('no-account', 'No mailbox is connected yet. Connect one with "account set" or in Settings.');
    return account;
  }

  appInfo(): AppInfo {
    const account = getAccount(this.deps.db);
    const mode = this.deps.demo ? 'demo' : account ? 'account' : 'setup';
    return { mode, account: account ? toAccountView(account) : null, version: this.deps.version };
  }

  /** Tests then saves: an account whose servers refuse it is never half-saved. */
  async saveAccount(input: AccountInput): Promise<ConnectionReport> {
    const report = await (this.deps.checkAccount ?? checkAccount)(input);
    if (!report.ok) return report;
    await this.storeAccount(input);
    return report;
  }

  /** The password into the secret store, the rest into the database; live at once in the app. */
  private async storeAccount(input: AccountInput): Promise<void> {
    const secretRef = `account:${input.address.toLowerCase()}`;
    await this.deps.secrets.set(secretRef, input.password);
    const { password: _password, ...settings } = input;
    saveAccount(this.deps.db, { ...settings, address: input.address.toLowerCase(), secretRef }, this.deps.now());
    if (this.appStarted) this.connector.start();
  }

  /** "Save and connect later": keeps settings the servers could not confirm; the app keeps trying. */
  async saveAccountLater(input: AccountInput): Promise<AppInfo> {
    await this.storeAccount(input);
    return this.appInfo();
  }

  /**
   * Runs as the app: reminders, and the saved mailbox live at once (retrying with backoff while
   * its server cannot be reached). The desktop and the browser preview call this at start.
   */
  startApp(): void {
    this.appStarted = true;
    this.startReminders();
    if (!this.deps.demo && getAccount(this.deps.db)) this.connector.start();
  }

  /** Whether the mailbox is live, connecting, or waiting for its next attempt. */
  connection(): ConnectionState {
    return this.connector.state;
  }

  /** "Try now": one attempt at once instead of waiting out the backoff. */
  retryConnection(): ConnectionState {
    if (!this.deps.demo && getAccount(this.deps.db)) this.connector.start();
    return this.connector.state;
  }

  /**
   * Starts live sync after a first pass; `stopLive` ends it. A first pass the server refused
   * for lack of connections does not stop it: live sync checks again within its interval.
   */
  async startLive(): Promise<SyncReport> {
    const report = await this.syncNow().catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (code === 'too-many-connections' || code === 'server-busy') return { folders: [], durationMs: 0 };
      throw error;
    });
    const account = this.requireAccount();
    if (this.live) return report;
    // The outbox runs even when signing in fails (signed out): its replies wait there, shown as such.
    this.outbox()?.start();
    const secret = await this.logins.secretFor(account);
    const retry = new DiskFullRetry(() => this.live?.ring(), this.deps.diskFullRetryMs);
    this.diskFull = retry;
    this.live = new LiveSync(
      this.deps.db,
      () => this.syncNow(),
      (status) => this.liveChanged(status),
      this.liveSettings(),
      this.deps.now,
      this.deps.liveTuning,
    );
    this.live.start(account, secret);
    return report;
  }

  /** The connection budget and check interval (Settings, `sync --max-connections`). */
  private liveSettings(): LiveSyncSettings {
    return liveSettings(this.deps.db);
  }

  /** Stored for `status` in another process, and pushed to the sync panel. */
  private liveChanged(status: LiveSyncStatus): void {
    setSetting(this.deps.db, 'sync.liveStatus', status);
    this.events.emit('sync.live', status);
  }

  liveStatus(): LiveSyncStatus {
    return this.live?.status() ?? storedLiveStatus(this.deps.db, this.deps.now());
  }

  configureLive(change: Partial<LiveSyncSettings> & { focused?: boolean }): LiveSyncStatus {
    const { focused, ...settings } = change;
    const next = { ...this.liveSettings(), ...settings };
    if (Object.keys(settings).length > 0) setSetting(this.deps.db, 'sync.settings', next);
    this.live?.configure({ settings: next, focused });
    return this.liveStatus();
  }

  /** Before quitting (after `stopLive`): let a pass in flight finish; sends are recoverable by design. */
  async shutdown(): Promise<void> {
    await this.syncing?.catch(() => undefined);
  }

  /** Stops push sync and waits for a pass in flight (quit, tests). */
  async stopLive(): Promise<void> {
    this.connector.stop();
    const live = this.live;
    this.live = null;
    this.diskFull?.stop();
    await live?.stop();
    await this.outboxOf?.outbox.stop();
    this.reminders?.stop();
    this.reminders = null;
  }

  /** Runs one sync pass; concurrent requests share the pass already running. */
  async syncNow(): Promise<SyncReport> {
    if (this.deps.demo) return { folders: [], durationMs: 0 };
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
    const account = this.requireAccount();
    this.syncing = (async () => {
      return syncAccount({
        db: this.deps.db,
        account,
        secret: () => this.logins.secretFor(account),
        now: this.deps.now,
        events: this.events,
        modes: this.deps.syncModes ?? { qresync: true, condstore: true },
        teamAddresses: new Set([account.address.toLowerCase()]),
        teamPass: this.deps.demo
          ? undefined
          : async (client) => {
              const team = this.requireTeam();
              await ensureTeamLogFolder(client);
              await team.dropKnownProfiles(() => syncTeamLog(client, this.deps.db, account.id, this.deps.now()));
              await flushPendingTeamEvents(client, this.deps.db, account.id);
              team.applyLog(await syncTeamLog(client, this.deps.db, account.id, this.deps.now()));
              this.refreshDeadlines([]); // a policy change re-times every thread
            },
        onThreads: (threadIds) => {
          this.team()?.materialize(threadIds);
          this.refreshDeadlines(threadIds);
        },
        withConnection: this.live?.withConnection,
        extraFolders: listFolders(this.deps.db, account.id)
          .filter((f) => f.role === 'other')
          .map((f) => f.path),
      });
    })()
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

  /** A stored secret (the CLI re-tests the saved account with it). */
  async secret(ref: string): Promise<string | null> {
    return this.deps.secrets.get(ref);
  }

  /** A thread by numeric id or by its key, with messages. */
  threadByIdOrKey(idOrKey: string): ThreadDetail {
    const account = this.requireAccount();
    const thread = resolveThread(this.deps.db, account.id, idOrKey);
    if (!thread) throw new AppError('not-found', `No conversation "${idOrKey}". List them with "threads".`);
    return this.threadDetail(thread.id);
  }

  /** Everything stored for a thread's messages (`thread KEY --raw` diagnostics). */
  storedMessages(threadId: number): Array<Record<string, unknown>> {
    return rawThreadRows(this.deps.db, threadId);
  }

  /** Whether the person allowed remote images for this message or its sender (the shell's request filter asks). */
  allowsRemoteContent(messageRowId: number): boolean {
    return allowsRemoteContent(this.deps.db, messageRowId);
  }

  /** One thread with messages, team state, notes and activity. */
  threadDetail(id: number): ThreadDetail {
    return threadDetail(this, id);
  }

  /** Downloads an attachment on demand into the cache (see mail/attachmentFetch). */
  async fetchAttachment(messageRowId: number, part: string): Promise<AttachmentFile> {
    return fetchAttachmentFile(this, messageRowId, part);
  }

  /** Asks live sync for a pass soon (something to append or send is waiting). */
  ring(): void {
    // During the first pass (before push sync starts) ask for one more pass, so a claim made
    // while the mailbox is still filling is appended and confirmed, not left pending.
    if (this.live) this.live.ring();
    else if (this.syncing) void this.syncNow().catch(() => undefined);
  }

  /**
   * Runs a call as a transport would: arguments validated against the contract, defaults
   * applied, errors thrown with their code. For the CLI and tests.
   */
  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<K>> {
    const outcome = await dispatch(this.handlers(), name, input);
    if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message, outcome.error.fields);
    return outcome.value as CallResult<K>;
  }

  /** The handler table the transports dispatch to (built once; see handlers/). */
  handlers(): Handlers {
    return this.table;
  }
}
