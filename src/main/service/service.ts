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
import { resolveThread } from '../store/repos/threads';
import type { TeamEngine } from './team';
import { AccountParts } from './accountParts';
import type { DemoSession } from './demoSession';
import { SyncControl } from './syncControl';
import { openDemoMailbox, seedDemoMailbox } from './demoMailbox';
import { openDb } from '../store/db';
import { DeadlineKeeper } from './deadlines';
import { dueSoonWindow } from '../policy/dueSoon';
import type { Outbox } from '../outbox/outbox';
import { rawThreadRows } from '../store/repos/messageDiagnostics';
import { checkAccount } from '../mail/accountCheck';
import { ServiceEvents } from './events';
import { AppError } from '../appError';
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
import { builtClients } from '../auth/builtClients';
import { OAuthFlow } from './oauthFlow';

export type { DesktopFiles, Handlers, ServiceDeps } from './types';

/**
 * The one application API and the composition root: it owns the per-account parts (team
 * engine, outbox, deadlines, live sync) and hands them to the handler modules in
 * handlers/. The IPC handlers, the browser bridge and the CLI all call it.
 */
export class PromptlyService implements ServiceCore {
  readonly events = new ServiceEvents();
  /** Sync passes and live sync. */
  private readonly sync = new SyncControl(this);
  /** The team engine, outbox, deadlines and reminders of the current database. */
  private parts: AccountParts;
  /** Brings the saved mailbox live and retries while its server is away (the app only). */
  private readonly connector: Connector;
  /** Running as the app (desktop or preview): a saved mailbox goes live at once. */
  private appStarted = false;
  private current: ServiceDeps;
  private readonly table: Handlers;
  readonly logins: MailLogins;
  readonly oauth: OAuthFlow;

  constructor(deps: ServiceDeps) {
    this.current = deps;
    this.parts = new AccountParts(this);
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
      needsSignIn: (error) => (error as { code?: unknown }).code === 'signed-out',
      emit: (state) => this.events.emit('connection.changed', state),
      now: deps.now,
    });
  }

  /** Where OAuth client IDs come from: the settings file in the data folder, the environment, the build. */
  oauthClients(): ClientSources {
    return this.deps.oauthClients ?? { dataDir: this.deps.dataDir, env: process.env, built: builtClients() };
  }

  /**
   * The provider refused the refresh token: sync pauses (no watcher keeps knocking) and the
   * outbox holds its replies until the person signs in again.
   */
  private pauseForSignIn(message: string): void {
    this.events.emit('sync.error', { code: 'signed-out', message });
    if (this.appStarted) this.connector.pause(message);
    this.sync.pause();
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
    // The connector waits for the sign-in (or still thinks the mailbox live): start afresh.
    this.connector.stop();
    this.connector.start();
  }

  /** The outside world as passed in (the database changes when the demo opens). */
  get deps(): Readonly<ServiceDeps> {
    return this.current;
  }

  /** Keeps each thread's due time current (see service/deadlines.ts). */
  get deadlines(): DeadlineKeeper {
    return this.parts.deadlines;
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
    const reminding = this.parts.reminding;
    await this.stopLive();
    await this.sync.settled();
    this.deps.db.close();
    const db = await open();
    this.current = { ...this.current, db, demo };
    this.parts = new AccountParts(this);
    this.refreshDeadlines([]);
    if (reminding) this.startReminders();
  }

  /** Recomputes due times; everything when the team policy changed (or on first use). */
  refreshDeadlines(threadIds: number[]): void {
    this.parts.refreshDeadlines(threadIds);
  }

  /** How far ahead Due soon looks right now, in ms (the team's window; see policy/dueSoon.ts). */
  leadMs(): number {
    const now = this.deps.now();
    return dueSoonWindow(this.deadlines.policy(), now).until - now;
  }

  /** The account's outbox (created on first use); null without an account. */
  outbox(options: { undoMs?: number } = {}): Outbox | null {
    return this.parts.outbox(options);
  }

  /** The demo's own parts (its customers answer on the engine's clock); null for a real mailbox. */
  demo(): DemoSession | null {
    return this.parts.demo();
  }

  requireOutbox(): Outbox {
    const outbox = this.outbox();
    if (!outbox) throw new AppError('no-account', 'No mailbox is connected yet. Connect one first.');
    return outbox;
  }

  /** Starts the tray and notification reminders (the desktop app and the web preview). */
  startReminders(): void {
    this.parts.startReminders();
  }

  /** The tray and notifications brought up to date now (the computer woke up; timers ran late). */
  checkReminders(): void {
    this.parts.checkReminders();
  }

  /** The database, for read-only views built outside the handler table (CLI status). */
  get db(): Db {
    return this.deps.db;
  }

  /** The team engine of the current account (created on first use), or null without one. */
  team(): TeamEngine | null {
    return this.parts.team();
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
    return this.sync.startLive();
  }

  liveStatus(): LiveSyncStatus {
    return this.sync.liveStatus();
  }

  configureLive(change: Partial<LiveSyncSettings> & { focused?: boolean }): LiveSyncStatus {
    return this.sync.configureLive(change);
  }

  /** Before quitting (after `stopLive`): let a pass in flight finish; sends are recoverable by design. */
  async shutdown(): Promise<void> {
    await this.sync.settled();
  }

  /** Stops push sync and waits for a pass in flight (quit, tests). */
  async stopLive(): Promise<void> {
    this.connector.stop();
    await this.sync.stopLive();
    await this.parts.stop();
  }

  /** Runs one sync pass; concurrent requests share the pass already running. */
  async syncNow(): Promise<SyncReport> {
    return this.sync.syncNow();
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

  /** Asks live sync for a pass soon (something to append or send is waiting); the demo appends at once. */
  ring(): void {
    const demo = this.demo();
    if (demo) demo.ring();
    else this.sync.ring();
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
