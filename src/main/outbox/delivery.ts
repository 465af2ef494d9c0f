/**
 * One pass of the outbox: recover replies a crash left in `sending`, finish replies that left
 * (notify, file), then send what is due, one at a time and in order.
 */
import type { Db } from '../store/db';
import type { QueuedReply, ReplyKind } from '../../shared/outbox';
import {
  dueOutbox,
  outboxInState,
  outboxMessageIds,
  toQueuedReply,
  unfinishedOutbox,
  type OutboxRecord,
} from '../store/repos/outbox';
import { teamRepliesSince } from '../store/repos/replySources';
import { moveItem, type OutboxChange } from './transitions';
import type { Submitted } from './send';
import { SendFailure } from './errors';
import type { Filed } from './filing';
import { findCollision } from './collision';

/** A reply that reached the server: the thread now waits on the customer; a courtesy reply promised a date. */
export interface SentReply {
  outboxId: number;
  threadId: number | null;
  threadKey: string;
  messageId: string;
  kind: ReplyKind;
  courtesy: boolean;
  promiseAt: number | null;
  at: number;
}

/** A sent reply to file: its bytes, its Message-ID, the customer's message it answers, its date. */
export interface ReplyToFile {
  raw: Buffer;
  messageId: string;
  parentMessageId: string | null;
  date: number;
}

/**
 * How a reply leaves and where its copy goes: the account's mail servers (outbox/mailServers.ts)
 * or the demo mailbox (demo/postman.ts). Everything else about sending is the outbox's own.
 */
export interface Postman {
  /** Hands the message over (SMTP); rejects with a SendFailure saying whether a retry is safe. */
  submit(envelope: { from: string; to: string[] }, raw: Buffer): Promise<Submitted>;
  /** Files the sent copy in Sent and marks the customer's message answered; never files twice. */
  file(reply: ReplyToFile): Promise<Filed>;
  /**
   * The crash-recovery question "is this Message-ID in Sent?". Rejects when the mailbox cannot
   * be reached at all (nothing is decided then); the check itself may reject too.
   */
  sentCheck(): Promise<(messageId: string) => Promise<boolean>>;
}

/** What a pass needs: the store, the clock, the postman and the listeners. */
export interface DeliveryContext {
  db: Db;
  accountId: number;
  now: () => number;
  postman: Postman;
  onSent: (sent: SentReply) => void | Promise<void>;
  onChange: (item: QueuedReply) => void;
  /** Delay before automatic retry number `attempts` + 1. */
  backoff: (attempts: number) => number;
}

/** What one pass did, for tests and logs. */
export interface PassReport {
  sent: number[];
  failed: number[];
  uncertain: number[];
  filed: number[];
}

function move(ctx: DeliveryContext, item: OutboxRecord, change: OutboxChange, detail = ''): OutboxRecord | null {
  const moved = moveItem(ctx.db, item.id, item.state, change, ctx.now(), detail);
  if (moved) ctx.onChange(toQueuedReply(moved));
  return moved;
}

/**
 * A reply found in `sending` when no send is running was interrupted by a crash. If Sent has
 * its Message-ID it left; otherwise it may or may not have: `uncertain`, never resent silently.
 */
export async function recoverSending(ctx: DeliveryContext, report: PassReport): Promise<void> {
  const stuck = outboxInState(ctx.db, ctx.accountId, 'sending');
  if (stuck.length === 0) return;
  let foundInSent: (messageId: string) => Promise<boolean>;
  try {
    foundInSent = await ctx.postman.sentCheck();
  } catch {
    return;
  }
  for (const item of stuck) {
    let found: boolean;
    try {
      found = await foundInSent(item.messageId);
    } catch (error) {
      move(ctx, item, {
        state: 'sending',
        errorCode: 'uncertain',
        error: `Promptly stopped while sending this reply and cannot check the Sent folder yet (${(error as Error).message}). Nothing is sent again without you.`,
      });
      continue;
    }
    if (found) {
      const accepted = move(
        ctx,
        item,
        { state: 'accepted', acceptedAt: ctx.now(), errorCode: null, error: null },
        'found in Sent after restart',
      );
      if (accepted) await finish(ctx, accepted, report);
    } else {
      move(
        ctx,
        item,
        {
          state: 'uncertain',
          errorCode: 'uncertain',
          error:
            'Promptly stopped while sending this reply, and it is not in the Sent folder. It may not have been sent: send it again?',
        },
        'not found in Sent after restart',
      );
      report.uncertain.push(item.id);
    }
  }
}

/** Tells the engine a reply left (thread → waiting on customer, promise), once per item. */
async function notify(ctx: DeliveryContext, item: OutboxRecord): Promise<OutboxRecord> {
  if (item.notifiedAt !== null) return item;
  await ctx.onSent({
    outboxId: item.id,
    threadId: item.threadId,
    threadKey: item.threadKey,
    messageId: item.messageId,
    kind: item.kind,
    courtesy: item.courtesy,
    promiseAt: item.promiseAt,
    at: item.acceptedAt ?? ctx.now(),
  });
  return move(ctx, item, { state: item.state, notifiedAt: ctx.now() }, 'thread updated') ?? item;
}

/** After 250: notify, then file (Sent copy, \Answered). A filing failure retries later; it never resends. */
export async function finish(ctx: DeliveryContext, item: OutboxRecord, report: PassReport): Promise<void> {
  let current = await notify(ctx, item);
  if (current.state !== 'accepted') return;
  if (current.retryAt !== null && current.retryAt > ctx.now()) return;
  try {
    await ctx.postman.file({
      raw: current.raw,
      messageId: current.messageId,
      parentMessageId: current.parentMessageId,
      date: current.acceptedAt ?? current.createdAt,
    });
    const filed = move(ctx, current, {
      state: 'filed',
      filedAt: ctx.now(),
      retryAt: null,
      errorCode: null,
      error: null,
    });
    if (filed) report.filed.push(filed.id);
  } catch (error) {
    current =
      move(ctx, current, {
        state: 'accepted',
        retryAt: ctx.now() + ctx.backoff(1),
        errorCode: 'filing',
        error: `Sent. The copy in the Sent folder and the "answered" mark are still to do (${(error as Error).message}); Promptly will retry.`,
      }) ?? current;
  }
}

/** Notifies and files every reply that left but is not finished. */
export async function finishAll(ctx: DeliveryContext, report: PassReport): Promise<void> {
  for (const item of unfinishedOutbox(ctx.db, ctx.accountId)) await finish(ctx, item, report);
}

/**
 * The replies to send now, in order. An automatic retry still waiting holds back every reply
 * queued after it, so replies never overtake each other.
 */
export function sendOrder(ctx: DeliveryContext): OutboxRecord[] {
  const now = ctx.now();
  const waiting = outboxInState(ctx.db, ctx.accountId, 'failed').filter((i) => i.retryAt !== null && i.retryAt > now);
  const first = waiting[0];
  const due = dueOutbox(ctx.db, ctx.accountId, now);
  if (!first) return due;
  return due.filter((i) => i.sendAt < first.sendAt || (i.sendAt === first.sendAt && i.id < first.id));
}

function collisionOf(ctx: DeliveryContext, item: OutboxRecord): string | null {
  if (item.force || item.threadId === null) return null;
  const replies = teamRepliesSince(ctx.db, item.threadId, item.openedAt);
  return findCollision(replies, outboxMessageIds(ctx.db, item.threadKey), ctx.now())?.message ?? null;
}

/** Sends one due reply and records what happened. */
export async function sendOne(ctx: DeliveryContext, item: OutboxRecord, report: PassReport): Promise<void> {
  const collision = collisionOf(ctx, item);
  if (collision) {
    move(ctx, item, { state: 'failed', retryAt: null, errorCode: 'collision', error: collision });
    report.failed.push(item.id);
    return;
  }
  const attempt = item.attempts + 1;
  const sending = move(ctx, item, { state: 'sending', attempts: attempt, retryAt: null }, `attempt ${attempt}`);
  if (!sending) return;
  try {
    const submitted = await ctx.postman.submit({ from: item.envelopeFrom, to: item.envelopeTo }, item.raw);
    const refused = submitted.rejected.map((r) => `${r.address} (${r.reason})`).join(', ');
    const accepted = move(
      ctx,
      sending,
      {
        state: 'accepted',
        acceptedAt: ctx.now(),
        errorCode: refused ? 'recipient-refused' : null,
        error: refused ? `Sent, but the server refused ${refused}.` : null,
      },
      submitted.response,
    );
    if (!accepted) return;
    report.sent.push(accepted.id);
    await finish(ctx, accepted, report);
  } catch (error) {
    recordFailure(ctx, sending, error, report);
  }
}

function recordFailure(ctx: DeliveryContext, item: OutboxRecord, error: unknown, report: PassReport): void {
  const failure =
    error instanceof SendFailure
      ? error
      : new SendFailure(
          'server-unreachable',
          `The mail server settings could not be read: ${(error as Error).message}`,
          'safe',
          true,
        );
  if (failure.verdict === 'ambiguous') {
    move(ctx, item, { state: 'uncertain', errorCode: 'uncertain', error: failure.message }, failure.message);
    report.uncertain.push(item.id);
    return;
  }
  const retryAt = failure.verdict === 'safe' ? ctx.now() + ctx.backoff(item.attempts) : null;
  move(ctx, item, { state: 'failed', retryAt, errorCode: failure.code, error: failure.message }, failure.message);
  report.failed.push(item.id);
}

/** One full pass: recover, finish, send what is due. */
export async function runPass(ctx: DeliveryContext): Promise<PassReport> {
  const report: PassReport = { sent: [], failed: [], uncertain: [], filed: [] };
  await recoverSending(ctx, report);
  await finishAll(ctx, report);
  for (const item of sendOrder(ctx)) {
    // Re-check: an earlier send in this pass may have failed and now holds this one back.
    if (!sendOrder(ctx).some((i) => i.id === item.id)) continue;
    await sendOne(ctx, item, report);
  }
  return report;
}
