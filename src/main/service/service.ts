import type { CallArgs, CallInput, CallName, CallResult } from '../../shared/contract';
import type { QuietHours } from '../../shared/policy';
import { dispatch } from './dispatch';
import { CALL_NAMES } from '../../shared/channels';
import type { AccountInput } from '../../shared/schemas';
import type {
  AppInfo,
  AttachmentFile,
  ConnectionReport,
  MessageView,
  SyncReport,
  ThreadDetail,
} from '../../shared/types';
import { join } from 'node:path';
import { locateAttachment } from '../store/repos/attachments';
import { fetchAttachment, safeFileName } from '../mail/attachmentFetch';
import { explainConnectionError } from '../mail/connectionErrors';
import type { Db } from '../store/db';
import type { SecretStore } from '../secrets';
import { getAccount, saveAccount, toAccountView, type Account } from '../store/repos/accounts';
import { countViews, getThread, resolveThread } from '../store/repos/threads';
import { TeamEngine } from './team';
import { openDemoDatabase, seedDemo } from '../demo/load';
import { openDb } from '../store/db';
import { DeadlineKeeper } from './deadlines';
import { exportCsv, metricsFor, weeklyFor } from './metrics';
import { Reminders } from './reminders';
import { createOutbox } from './outboxWiring';
import type { Outbox } from '../outbox/outbox';
import { getSetting, setSetting } from '../store/repos/settings';
import { prepared } from '../store/statements';
import { decorate, listView } from './threadViews';
import { VIEWS, type View } from '../../shared/team';
import { ensureTeamLogFolder, flushPendingTeamEvents, syncTeamLog } from '../team/logFolder';
import { listThreadMessages, listUnreadable } from '../store/repos/messages';
import { listAttachments } from '../store/repos/attachments';
import { readFileSync } from 'node:fs';
import { ensureFolder, listFolders } from '../store/repos/folders';
import { folderStatus } from './status';
import { parseSearchQuery } from '../../shared/searchQuery';
import { findThreads } from '../store/repos/search';
import { checkAccount } from '../mail/accountCheck';
import { syncAccount } from './sync';
import { LiveSync } from './liveSync';
import type { SyncModes } from '../mail/imap/context';
import { ServiceEvents } from './events';
import { AppError } from './appError';

/** Every call of the contract, implemented. Arguments arrive already validated. */
export type Handlers = { [K in CallName]: (args: CallArgs<K>) => Promise<CallResult<K>> };

/** What the service needs from the outside world; all effects are passed in. */
export interface ServiceDeps {
  db: Db;
  secrets: SecretStore;
  now: () => number;
  version: string;
  /** True when the database holds the built-in demo mailbox (no server to sync). */
  demo?: boolean;
  checkAccount?: (input: AccountInput) => Promise<ConnectionReport>;
  /** Where downloaded attachments are cached (the data directory). */
  dataDir?: string;
  /** Incremental-sync extensions the engine may use; tests switch them off. Default: all. */
  syncModes?: SyncModes;
  /** Act as this teammate (CLI --me, tests with several teammates on one mailbox). */
  me?: string;
  /** Opening and saving files with the OS (the desktop shell); absent in the CLI and preview. */
  files?: DesktopFiles;
}

/** What the desktop offers for attachments: open with the default app, save with a dialog. */
export interface DesktopFiles {
  openPath(path: string): Promise<void>;
  /** Copies the file where the person chooses; null when they cancel. */
  saveAs(path: string, suggestedName: string): Promise<string | null>;
}

/** The one application API. The IPC handlers, the browser bridge and the CLI all call it. */
export class PromptlyService {
  readonly events = new ServiceEvents();
  private syncing: Promise<SyncReport> | null = null;
  private live: LiveSync | null = null;
  private nextSync: Promise<SyncReport> | null = null;
  private teamEngine: { accountId: number; engine: TeamEngine } | null = null;
  private outboxOf: { accountId: number; outbox: Outbox } | null = null;
  private reminders: Reminders | null = null;
  private policyJson = '';
  /** Keeps each thread's due time current (see service/deadlines.ts). */
  deadlines: DeadlineKeeper;

  constructor(private deps: ServiceDeps) {
    this.deadlines = this.keeper();
  }

  private keeper(): DeadlineKeeper {
    return new DeadlineKeeper(
      this.deps.db,
      () => this.team()?.policyJson() ?? null,
      (threadId) => this.team()?.promisesFor(threadId) ?? [],
    );
  }

  /**
   * "Try the demo mailbox" from the setup screen: the service switches to a fresh demo
   * database (the person's own data folder is untouched) and the window reloads its state.
   */
  async openDemo(): Promise<AppInfo> {
    if (this.deps.demo) return this.appInfo();
    if (getAccount(this.deps.db))
      throw new AppError('invalid-arguments', 'A mailbox is connected; the demo opens only before setup.');
    const db = this.deps.dataDir ? await openDemoDatabase(this.deps.dataDir, this.deps.now()) : openDb(':memory:');
    if (!this.deps.dataDir) await seedDemo(db, this.deps.now());
    this.deps.db.close();
    this.deps = { ...this.deps, db, demo: true };
    this.deadlines = this.keeper();
    this.teamEngine = null;
    this.outboxOf = null;
    this.refreshDeadlines([]);
    return this.appInfo();
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
      const all = (
        prepared(this.deps.db, 'SELECT id FROM threads WHERE account_id = ?').all(account.id) as Array<{ id: number }>
      ).map((r) => r.id);
      this.deadlines.refresh(all, this.deps.now());
      setSetting(this.deps.db, 'deadlines.policy', json);
      this.policyJson = json;
      return;
    }
    this.deadlines.refresh(threadIds, this.deps.now());
  }

  /** The due-soon lead of the team policy, in ms. */
  private leadMs(): number {
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
        password: () => this.deps.secrets.get(account.secretRef),
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
        sent: () => this.live?.ring(),
      });
      this.outboxOf = { accountId: account.id, outbox };
    }
    return this.outboxOf.outbox;
  }

  private requireOutbox(): Outbox {
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
        },
        this.deps.me,
      );
      this.teamEngine = { accountId: account.id, engine };
    }
    return this.teamEngine.engine;
  }

  private requireTeam(): TeamEngine {
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
    const secretRef = `account:${input.address.toLowerCase()}`;
    await this.deps.secrets.set(secretRef, input.password);
    const { password: _password, ...settings } = input;
    saveAccount(this.deps.db, { ...settings, address: input.address.toLowerCase(), secretRef }, this.deps.now());
    return report;
  }

  /** Starts push sync (IDLE on INBOX and Sent) after a first pass; `stopLive` ends it. */
  async startLive(): Promise<SyncReport> {
    const report = await this.syncNow();
    const account = this.requireAccount();
    const password = await this.deps.secrets.get(account.secretRef);
    if (password === null || this.live) return report;
    this.live = new LiveSync(
      this.deps.db,
      () => this.syncNow(),
      () => undefined,
    );
    this.live.start(account, password);
    await this.outbox()?.start();
    return report;
  }

  /** Before quitting (after `stopLive`): let a pass in flight finish; sends are recoverable by design. */
  async shutdown(): Promise<void> {
    await this.syncing?.catch(() => undefined);
  }

  /** Stops push sync and waits for a pass in flight (quit, tests). */
  async stopLive(): Promise<void> {
    const live = this.live;
    this.live = null;
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
      const password = await this.deps.secrets.get(account.secretRef);
      if (password === null)
        throw new AppError(
          'auth',
          'The password for this mailbox is missing. Enter it again in Settings (or "account set").',
        );
      return syncAccount({
        db: this.deps.db,
        account,
        password,
        now: this.deps.now,
        events: this.events,
        modes: this.deps.syncModes ?? { qresync: true, condstore: true },
        teamAddresses: new Set([account.address.toLowerCase()]),
        teamPass: this.deps.demo
          ? undefined
          : async (client) => {
              const team = this.requireTeam();
              await ensureTeamLogFolder(client);
              await flushPendingTeamEvents(client, this.deps.db, account.id);
              team.applyLog(await syncTeamLog(client, this.deps.db, account.id, this.deps.now()));
              this.refreshDeadlines([]); // a policy change re-times every thread
            },
        onThreads: (threadIds) => {
          this.team()?.materialize(threadIds);
          this.refreshDeadlines(threadIds);
        },
        extraFolders: listFolders(this.deps.db, account.id)
          .filter((f) => f.role === 'other')
          .map((f) => f.path),
      });
    })().finally(() => {
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

  /** Whether the person allowed remote images for this message or its sender (the shell's request filter asks). */
  allowsRemoteContent(messageRowId: number): boolean {
    const allowed = getSetting<{ senders: string[]; messages: number[] }>(this.deps.db, 'images.allowed', {
      senders: [],
      messages: [],
    });
    if (allowed.messages.includes(messageRowId)) return true;
    const row = prepared(this.deps.db, 'SELECT from_address FROM messages WHERE id = ?').get(messageRowId) as
      { from_address: string } | undefined;
    return row !== undefined && allowed.senders.includes(row.from_address);
  }

  /** Adds attachment lists and the remote-image choice to messages. */
  private withAttachments(messages: MessageView[]): MessageView[] {
    const allowed = getSetting<{ senders: string[]; messages: number[] }>(this.deps.db, 'images.allowed', {
      senders: [],
      messages: [],
    });
    return messages.map((m) => ({
      ...m,
      attachments: m.hasAttachments || m.html ? listAttachments(this.deps.db, m.id) : [],
      imagesAllowed: allowed.senders.includes(m.from.address) || allowed.messages.includes(m.id),
    }));
  }

  /** One thread with messages, team state, notes and activity. */
  threadDetail(id: number): ThreadDetail {
    const summary = getThread(this.deps.db, id);
    if (!summary)
      throw new AppError('not-found', 'That conversation no longer exists. It may have been merged into another one.');
    const team = this.team();
    const account = this.requireAccount();
    const [item] = decorate(this.deps.db, team, account.id, [summary], this.deps.now(), this.leadMs());
    const extra = team ? team.detail(id) : { notes: [], activity: [] };
    return {
      thread: item ?? {
        ...summary,
        team: { owner: null, ownerName: null, handoffTo: null, status: 'open', snoozedUntil: null, pending: 0 },
        due: null,
      },
      messages: this.withAttachments(listThreadMessages(this.deps.db, id)),
      ...extra,
    };
  }

  /** Downloads an attachment on demand into the cache (see mail/attachmentFetch). */
  async fetchAttachment(messageRowId: number, part: string): Promise<AttachmentFile> {
    const where = locateAttachment(this.deps.db, messageRowId, part);
    if (!where) throw new AppError('not-found', 'That attachment is not in this message any more.');
    if (this.deps.demo || !this.deps.dataDir)
      throw new AppError('not-found', 'Attachments of the demo mailbox are samples and cannot be opened.');
    const account = this.requireAccount();
    const password = await this.deps.secrets.get(account.secretRef);
    if (password === null)
      throw new AppError('auth', 'The password for this mailbox is missing. Enter it again in Settings.');
    try {
      return await fetchAttachment({
        settings: { ...account.imap, user: account.user, password },
        folder: where.folder,
        uid: where.uid,
        part,
        cacheDir: join(this.deps.dataDir, 'attachments'),
        messageRowId,
        filename: where.filename,
      });
    } catch (error) {
      const e = explainConnectionError(
        error,
        { kind: 'IMAP', host: account.imap.host, port: account.imap.port },
        'session',
      );
      throw new AppError(e.code, e.code === 'protocol' ? (error as Error).message : e.message);
    }
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

  /** The handler table the transports dispatch to. */
  handlers(): Handlers {
    // Resolved per call, so a switch of database (openDemo) reaches transports that kept the table.
    return Object.fromEntries(
      CALL_NAMES.map((name) => [
        name,
        (args: unknown) => (this.buildHandlers()[name] as (a: unknown) => Promise<unknown>)(args),
      ]),
    ) as Handlers;
  }

  private buildHandlers(): Handlers {
    const db = this.deps.db;
    return {
      'app.info': async () => this.appInfo(),
      'app.openDemo': async () => this.openDemo(),
      'threads.list': async ({ view, sort, limit, offset }) => {
        const account = getAccount(db);
        if (!account) return [];
        return listView(db, this.team(), {
          accountId: account.id,
          view,
          sort,
          limit,
          offset,
          now: this.deps.now(),
          leadMs: this.leadMs(),
        });
      },
      'reply.draft': async (request) => this.requireOutbox().draft(request),
      'reply.send': async (request) => {
        const result = await this.requireOutbox().queue(request);
        if (result.ok) this.live?.ring();
        return result;
      },
      'reply.courtesy': async ({ threadId, ...options }) => this.requireOutbox().courtesy(threadId, options),
      'outbox.list': async () => this.outbox()?.list() ?? [],
      'outbox.undo': async ({ id }) => this.requireOutbox().undo(id),
      'outbox.cancel': async ({ id }) => this.requireOutbox().cancel(id),
      'outbox.retry': async ({ id, force }) => this.requireOutbox().retry(id, { force }),
      'outbox.sendAgain': async ({ id }) => this.requireOutbox().sendAgain(id),
      'templates.list': async () => this.outbox()?.templates() ?? [],
      'metrics.get': async ({ from, to }) => {
        const account = this.requireAccount();
        return metricsFor(db, account.id, this.deadlines, this.team(), { from, to }, this.deps.now());
      },
      'metrics.weekly': async () =>
        weeklyFor(db, this.requireAccount().id, this.deadlines, this.team(), this.deps.now()),
      'export.csv': async ({ kind }) =>
        exportCsv(db, this.requireAccount().id, this.deadlines, this.team(), kind, this.deps.now()),
      'policy.get': async () => this.deadlines.policy(),
      'policy.set': async (policy) => {
        this.requireTeam().setPolicy(policy);
        this.live?.ring();
        return policy;
      },
      'quietHours.get': async () => getSetting<QuietHours | null>(db, 'quietHours', null),
      'quietHours.set': async ({ quietHours }) => {
        setSetting(db, 'quietHours', quietHours);
        return quietHours;
      },
      'views.counts': async () => {
        const account = getAccount(db);
        const zero = Object.fromEntries(VIEWS.map((v) => [v, 0])) as Record<View, number>;
        if (!account) return zero;
        const me = this.team()?.identity()?.address ?? null;
        return {
          ...zero,
          ...countViews(db, { accountId: account.id, me, now: this.deps.now(), leadMs: this.leadMs() }),
        };
      },
      'thread.act': async ({ id, action }) => {
        const result = this.requireTeam().act(id, action);
        this.live?.ring(); // append it (and learn its outcome) soon
        return result;
      },
      'team.roster': async () => this.team()?.roster() ?? [],
      'me.get': async () => this.team()?.identity() ?? null,
      'me.set': async (identity) => {
        this.requireTeam().setIdentity(identity);
        return identity;
      },
      'thread.get': async ({ id }) => this.threadDetail(id),
      'account.get': async () => {
        const account = getAccount(db);
        return account ? toAccountView(account) : null;
      },
      'account.test': async (input) => (this.deps.checkAccount ?? checkAccount)(input),
      'account.save': async (input) => this.saveAccount(input),
      'sync.now': async () => this.syncNow(),
      'sync.status': async () => {
        const account = getAccount(db);
        return account ? folderStatus(db, account.id, this.deps.now()) : [];
      },
      'threads.search': async ({ query, limit, tzOffsetMinutes }) => {
        const account = this.requireAccount();
        const parsed = parseSearchQuery(query);
        if (!parsed.ok) throw new AppError('invalid-arguments', parsed.error.message);
        const found = findThreads(db, account.id, parsed.query, {
          limit,
          tzOffsetMinutes,
          now: this.deps.now(),
          me: this.team()?.identity()?.address ?? null,
        });
        if ('error' in found) throw new AppError('invalid-arguments', found.error.message);
        return decorate(db, this.team(), account.id, found, this.deps.now(), this.leadMs());
      },
      'messages.unreadable': async ({ limit }) => {
        const account = getAccount(db);
        return account ? listUnreadable(db, account.id, limit) : [];
      },
      'attachment.fetch': async ({ messageId, part }) => this.fetchAttachment(messageId, part),
      'attachment.inline': async ({ messageId, part }) => {
        const file = await this.fetchAttachment(messageId, part);
        const meta = listAttachments(db, messageId).find((a) => a.part === part);
        const type = meta?.contentType ?? 'application/octet-stream';
        if (!type.startsWith('image/')) throw new AppError('invalid-arguments', 'Only images can be shown inline.');
        const bytes = readFileSync(file.path);
        if (bytes.length > 5 * 1024 * 1024)
          throw new AppError('invalid-arguments', 'This image is too large to show inline; open it instead.');
        return { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
      },
      'attachment.open': async ({ messageId, part }) => {
        const file = await this.fetchAttachment(messageId, part);
        if (!this.deps.files) return { path: file.path, opened: false };
        await this.deps.files.openPath(file.path);
        return { path: file.path, opened: true };
      },
      'attachment.save': async ({ messageId, part }) => {
        const file = await this.fetchAttachment(messageId, part);
        if (!this.deps.files) return { savedTo: null, path: file.path };
        return {
          savedTo: await this.deps.files.saveAs(file.path, safeFileName(file.filename, 'attachment')),
          path: file.path,
        };
      },
      'images.allow': async ({ messageId, sender }) => {
        const allowed = getSetting<{ senders: string[]; messages: number[] }>(db, 'images.allowed', {
          senders: [],
          messages: [],
        });
        if (sender && !allowed.senders.includes(sender)) allowed.senders.push(sender);
        if (messageId && !allowed.messages.includes(messageId)) allowed.messages.push(messageId);
        setSetting(db, 'images.allowed', allowed);
        return allowed;
      },
      'folders.add': async ({ path }) => {
        const account = this.requireAccount();
        ensureFolder(db, account.id, path, 'other');
        return folderStatus(db, account.id, this.deps.now());
      },
    };
  }
}
