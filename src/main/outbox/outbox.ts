/**
 * The outbox (docs/ARCHITECTURE.md, "Outbox: never lost, never twice"): queue replies with an undo
 * window or for later, send them one at a time in order, retry only what surely did not leave,
 * and after a crash never resend what may have left.
 */
import type { Db } from '../store/db';
import type { ImapSettings } from '../mail/imap/connect';
import type { SmtpSettings } from '../mail/smtp/transport';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy';
import { defaultPromiseAt } from './templates';
import type { SavedReplyTemplate } from '../../shared/teamEvents';
import {
  draftRequestSchema,
  sendRequestSchema,
  type Draft,
  type DraftRequest,
  type QueuedReply,
  type OutboxState,
  type QueueResult,
  type SendRequest,
  type SendRequestInput,
  type Template,
  type UndoResult,
} from '../../shared/outbox';
import {
  getOutbox,
  insertOutbox,
  listOutbox,
  outboxMessageIds,
  toQueuedReply,
  type OutboxRecord,
} from '../store/repos/outbox';
import { appendOutboxLog } from '../store/repos/outboxLog';
import { listAttachments } from '../store/repos/attachments';
import { teamRepliesSince } from '../store/repos/replySources';
import { draftFor } from './composer';
import { composeContext, prepareReply, type PrepareDeps } from './prepare';
import { teamTemplates, COURTESY_TEMPLATE_ID } from './templates';
import { findCollision } from './collision';
import { AppError } from '../appError';
import { moveItem, type OutboxChange } from './transitions';
import { runPass, type DeliveryContext, type PassReport, type Postman, type SentReply } from './delivery';
import { mailServersPostman } from './mailServers';
import { backoffDelay } from '../mail/imap/backoff';

export type { SentReply, PassReport, Postman } from './delivery';

/** Everything the outbox needs from the engine; all effects are passed in. */
export interface OutboxDeps {
  db: Db;
  accountId: number;
  now: () => number;
  smtp: () => Promise<SmtpSettings>;
  imap: () => Promise<ImapSettings>;
  /** How replies leave and are filed; by default through `smtp` and `imap` (the demo has its own). */
  postman?: Postman;
  /** The shared address, the display name on From ("Alice at Acme") and an optional Reply-To. */
  account: { address: string; fromName: string; replyTo?: string | null };
  /** This teammate: name ({{owner.name}} fallback) and signature. */
  identity: { name: string; signature: string };
  /** The team's addresses; reply-all leaves them out and their mail counts as team replies. */
  teamAddresses: () => readonly string[];
  policy?: () => Policy;
  /** The team log's saved replies (TeamState.templates). */
  templates?: () => Record<string, SavedReplyTemplate & { pending?: boolean }>;
  /** The owner's name of a thread, for {{owner.name}}. */
  ownerName?: (threadKey: string) => string | null;
  /** A forwarded attachment as a local file (the service's attachment cache). */
  attachmentFile?: (messageRowId: number, part: string) => Promise<{ path: string; filename: string }>;
  /** Called once per reply that reached the server: set the thread waiting, record a promise. */
  onSent?: (sent: SentReply) => void | Promise<void>;
  /** Called on every state change, for `outbox.changed` events. */
  onChange?: (item: QueuedReply) => void;
  /** The undo window (default 10 s). */
  undoMs?: number;
  /** Automatic retry delays: base doubles per attempt up to max (default 15 s … 15 min). */
  retry?: { baseMs: number; maxMs: number };
  /** How often the timer loop looks for due replies (default 1 s). */
  tickMs?: number;
}

/** The default undo window. */
export const UNDO_MS = 10_000;

/** The outbox of one account. Methods that change state return the item as it is now. */
export class Outbox {
  private pass: Promise<PassReport> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: OutboxDeps) {}

  /** The saved replies, with the built-in courtesy reply unless the team replaced it. */
  templates(): Template[] {
    return teamTemplates(this.deps.templates?.() ?? {});
  }

  /** Opens the composer: recipients, "Re:" subject, quote, signature, kept attachments. */
  draft(input: Partial<DraftRequest> & { threadId: number }): Draft {
    const request = draftRequestSchema.parse(input);
    const ctx = composeContext(this.prepareDeps(), request);
    const kept =
      ctx.parent && request.kind === 'forward'
        ? listAttachments(this.deps.db, ctx.parent.id)
            .filter((a) => !a.inline)
            .map((a) => ({ messageRowId: ctx.parent?.id ?? 0, part: a.part, filename: a.filename, size: a.size }))
        : [];
    const now = this.deps.now();
    return {
      ...draftFor(ctx, kept, now),
      defaultPromiseAt: defaultPromiseAt(now, this.deps.policy?.() ?? DEFAULT_POLICY),
    };
  }

  /**
   * Queues a reply: checks it, stores its Message-ID and raw MIME, starts the undo window.
   * Stops with a collision instead when a teammate replied since the composer opened.
   */
  async queue(input: SendRequestInput): Promise<QueueResult> {
    const parsed = sendRequestSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('wrong-state', `The reply request is malformed: ${issue?.path.join('.')} ${issue?.message}`);
    }
    const request: SendRequest = parsed.data;
    const now = this.deps.now();
    const record = await prepareReply(request, this.prepareDeps(), now, this.deps.undoMs ?? UNDO_MS);
    if (!request.force && record.threadId !== null) {
      const replies = teamRepliesSince(this.deps.db, record.threadId, record.openedAt);
      const collision = findCollision(replies, outboxMessageIds(this.deps.db, record.threadKey), now);
      if (collision) return { ok: false, collision };
    }
    const id = this.deps.db.transaction(() => {
      const newId = insertOutbox(this.deps.db, record);
      appendOutboxLog(this.deps.db, { outboxId: newId, at: now, from: null, to: 'queued', detail: '' });
      return newId;
    })();
    const item = this.item(id);
    this.deps.onChange?.(item);
    return { ok: true, item };
  }

  /** Queues the courtesy reply (the team's version) promising `promiseAt` (default: next business day). */
  async courtesy(
    threadId: number,
    options: { promiseAt?: number; openedAt?: number; force?: boolean; text?: string } = {},
  ): Promise<QueueResult> {
    return this.queue({ threadId, kind: 'reply', courtesy: true, templateId: COURTESY_TEMPLATE_ID, ...options });
  }

  /** Takes a queued reply back during its undo window, returning what the composer had. */
  undo(id: number): UndoResult {
    const record = this.record(id);
    if (record.state !== 'queued' || this.deps.now() >= record.undoUntil) {
      throw new AppError('wrong-state', 'Too late to undo: the reply is already on its way.');
    }
    const moved = this.move(record, { state: 'cancelled' }, 'undone');
    return { item: toQueuedReply(moved), request: JSON.parse(record.requestJson) as SendRequest };
  }

  /** Gives up a reply that has not left: queued, failed, or "may not have been sent". */
  cancel(id: number): QueuedReply {
    const record = this.record(id);
    if (!['queued', 'failed', 'uncertain'].includes(record.state)) {
      throw new AppError('wrong-state', cannotMessage(record.state, 'cancel'));
    }
    return toQueuedReply(this.move(record, { state: 'cancelled', retryAt: null }, 'cancelled'));
  }

  /** Sends a failed reply now; `force` sends it despite a collision. */
  retry(id: number, options: { force?: boolean } = {}): QueuedReply {
    const record = this.record(id);
    if (record.state !== 'failed') throw new AppError('wrong-state', cannotMessage(record.state, 'retry'));
    const now = this.deps.now();
    const force = record.force || options.force === true || record.errorCode === 'collision';
    const item = this.move(
      record,
      { state: 'queued', sendAt: now, undoUntil: now, retryAt: null, force, errorCode: null, error: null },
      'retry',
    );
    this.kick();
    return toQueuedReply(item);
  }

  /** The person's answer to "may not have been sent: send again?": sends it again (same Message-ID). */
  sendAgain(id: number): QueuedReply {
    const record = this.record(id);
    if (record.state !== 'uncertain') throw new AppError('wrong-state', cannotMessage(record.state, 'send again'));
    const now = this.deps.now();
    const item = this.move(
      record,
      { state: 'queued', sendAt: now, undoUntil: now, retryAt: null, errorCode: null, error: null },
      'send again',
    );
    this.kick();
    return toQueuedReply(item);
  }

  /** The outbox, newest first. */
  list(limit = 500): QueuedReply[] {
    return listOutbox(this.deps.db, this.deps.accountId, limit).map(toQueuedReply);
  }

  /** One item. */
  get(id: number): QueuedReply {
    return this.item(id);
  }

  /** The network is back: retry waiting replies now instead of after their backoff. */
  async wake(): Promise<PassReport> {
    const now = this.deps.now();
    for (const item of listOutbox(this.deps.db, this.deps.accountId)) {
      const waiting =
        (item.state === 'failed' || item.state === 'accepted') && item.retryAt !== null && item.retryAt > now;
      if (waiting) this.move(item, { state: item.state, retryAt: now }, 'network back');
    }
    return this.runDue();
  }

  /**
   * Recovery at start-up: settles replies a crash left in `sending` (checked against Sent) and
   * files accepted ones at once, without waiting for an earlier filing backoff.
   */
  async recover(): Promise<PassReport> {
    const now = this.deps.now();
    for (const item of listOutbox(this.deps.db, this.deps.accountId)) {
      if (item.state === 'accepted' && item.retryAt !== null && item.retryAt > now) {
        this.move(item, { state: 'accepted', retryAt: now }, 'restart');
      }
    }
    return this.runDue();
  }

  /**
   * Sends everything due (undo window or send-later time passed, retries due), one at a time
   * and in order. Concurrent calls share the running pass and ask for one more after it.
   */
  async runDue(): Promise<PassReport> {
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    this.pass = runPass(this.delivery()).finally(() => {
      this.pass = null;
      if (this.again) {
        this.again = false;
        void this.runDue();
      }
    });
    return this.pass;
  }

  /** Starts the timer loop (recovering first); `stop` ends it and waits for a pass in flight. */
  start(): void {
    if (this.timer) return;
    void this.recover().catch(() => undefined);
    this.timer = setInterval(() => void this.runDue().catch(() => undefined), this.deps.tickMs ?? 1000);
    this.timer.unref?.();
  }

  /** Stops the timer loop and waits for the pass in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    await this.pass?.catch(() => undefined);
  }

  private kick(): void {
    if (this.timer) void this.runDue().catch(() => undefined);
  }

  private record(id: number): OutboxRecord {
    const record = getOutbox(this.deps.db, id);
    if (!record || record.accountId !== this.deps.accountId) {
      throw new AppError('not-found', `There is no reply ${id} in the outbox.`);
    }
    return record;
  }

  private item(id: number): QueuedReply {
    return toQueuedReply(this.record(id));
  }

  private move(record: OutboxRecord, change: OutboxChange, detail: string): OutboxRecord {
    const moved = moveItem(this.deps.db, record.id, record.state, change, this.deps.now(), detail);
    if (!moved) throw new AppError('wrong-state', 'The reply changed state meanwhile. Look at the outbox again.');
    this.deps.onChange?.(toQueuedReply(moved));
    return moved;
  }

  private prepareDeps(): PrepareDeps {
    const d = this.deps;
    return {
      db: d.db,
      accountId: d.accountId,
      sender: {
        address: d.account.address.toLowerCase(),
        fromName: d.account.fromName,
        replyTo: d.account.replyTo ?? null,
        signature: d.identity.signature,
      },
      senderName: d.identity.name,
      team: d.teamAddresses(),
      policy: d.policy?.() ?? DEFAULT_POLICY,
      templates: this.templates(),
      ownerName: d.ownerName ?? (() => null),
      attachmentFile: d.attachmentFile,
    };
  }

  private delivery(): DeliveryContext {
    const retry = this.deps.retry ?? { baseMs: 15_000, maxMs: 15 * 60_000 };
    return {
      db: this.deps.db,
      accountId: this.deps.accountId,
      now: this.deps.now,
      postman: this.deps.postman ?? mailServersPostman(this.deps.smtp, this.deps.imap),
      onSent: this.deps.onSent ?? (() => undefined),
      onChange: this.deps.onChange ?? (() => undefined),
      // The one backoff, without jitter (random = 1): one client retries each reply, and the
      // outbox shows the exact time of the next try.
      backoff: (attempts) => backoffDelay(attempts - 1, 1, retry.baseMs, retry.maxMs),
    };
  }
}

function cannotMessage(state: OutboxState, action: string): string {
  const where: Record<OutboxState, string> = {
    queued: 'it is waiting to be sent',
    sending: 'it is being sent right now',
    accepted: 'it has already been sent',
    filed: 'it has already been sent',
    failed: 'it failed',
    uncertain: 'it may already have been sent',
    cancelled: 'it was cancelled',
  };
  return `Cannot ${action} this reply: ${where[state]}.`;
}
