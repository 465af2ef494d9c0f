import type { Db } from '../db';
import type { OutboxErrorCode, QueuedReply, OutboxState, ReplyKind } from '../../../shared/outbox';

/** Everything stored for one outbox item (the raw MIME included). */
export interface OutboxRecord {
  id: number;
  accountId: number;
  threadId: number | null;
  threadKey: string;
  kind: ReplyKind;
  state: OutboxState;
  messageId: string;
  parentMessageId: string | null;
  subject: string;
  envelopeFrom: string;
  envelopeTo: string[];
  to: string[];
  raw: Buffer;
  size: number;
  requestJson: string;
  courtesy: boolean;
  promiseAt: number | null;
  openedAt: number;
  force: boolean;
  createdAt: number;
  undoUntil: number;
  sendAt: number;
  attempts: number;
  retryAt: number | null;
  errorCode: OutboxErrorCode | null;
  error: string | null;
  acceptedAt: number | null;
  filedAt: number | null;
  notifiedAt: number | null;
  updatedAt: number;
}

/** The fields a transition may change; the rest is fixed when the item is queued. */
export type OutboxMutable = Pick<
  OutboxRecord,
  | 'state'
  | 'attempts'
  | 'retryAt'
  | 'errorCode'
  | 'error'
  | 'acceptedAt'
  | 'filedAt'
  | 'sendAt'
  | 'undoUntil'
  | 'force'
  | 'notifiedAt'
  | 'updatedAt'
>;

/** A new item, as queued. */
export type NewOutboxRecord = Omit<OutboxRecord, 'id'>;

interface OutboxRow {
  id: number;
  account_id: number;
  thread_id: number | null;
  thread_key: string;
  kind: ReplyKind;
  state: OutboxState;
  message_id: string;
  parent_message_id: string | null;
  subject: string;
  envelope_from: string;
  envelope_to: string;
  to_json: string;
  raw: Buffer;
  size: number;
  request_json: string;
  courtesy: number;
  promise_at: number | null;
  opened_at: number;
  force: number;
  created_at: number;
  undo_until: number;
  send_at: number;
  attempts: number;
  retry_at: number | null;
  error_code: OutboxErrorCode | null;
  error: string | null;
  accepted_at: number | null;
  filed_at: number | null;
  notified_at: number | null;
  updated_at: number;
}

function rowToRecord(row: OutboxRow): OutboxRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    threadId: row.thread_id,
    threadKey: row.thread_key,
    kind: row.kind,
    state: row.state,
    messageId: row.message_id,
    parentMessageId: row.parent_message_id,
    subject: row.subject,
    envelopeFrom: row.envelope_from,
    envelopeTo: JSON.parse(row.envelope_to) as string[],
    to: JSON.parse(row.to_json) as string[],
    raw: row.raw,
    size: row.size,
    requestJson: row.request_json,
    courtesy: row.courtesy === 1,
    promiseAt: row.promise_at,
    openedAt: row.opened_at,
    force: row.force === 1,
    createdAt: row.created_at,
    undoUntil: row.undo_until,
    sendAt: row.send_at,
    attempts: row.attempts,
    retryAt: row.retry_at,
    errorCode: row.error_code,
    error: row.error,
    acceptedAt: row.accepted_at,
    filedAt: row.filed_at,
    notifiedAt: row.notified_at,
    updatedAt: row.updated_at,
  };
}

/** The outbox view of a record (no raw MIME). */
export function toQueuedReply(r: OutboxRecord): QueuedReply {
  return {
    id: r.id,
    threadId: r.threadId,
    threadKey: r.threadKey,
    kind: r.kind,
    state: r.state,
    error: r.errorCode ? { code: r.errorCode, message: r.error ?? '' } : null,
    attempts: r.attempts,
    messageId: r.messageId,
    subject: r.subject,
    to: r.to,
    createdAt: r.createdAt,
    sendAt: r.sendAt,
    undoUntil: r.undoUntil,
    retryAt: r.retryAt,
    courtesy: r.courtesy,
    promiseAt: r.promiseAt,
    acceptedAt: r.acceptedAt,
    filedAt: r.filedAt,
  };
}

/** Stores a newly queued item; returns its id. */
export function insertOutbox(db: Db, r: NewOutboxRecord): number {
  const row = db
    .prepare(
      `INSERT INTO outbox (account_id, thread_id, thread_key, kind, state, message_id, parent_message_id, subject,
         envelope_from, envelope_to, to_json, raw, size, request_json, courtesy, promise_at, opened_at, force,
         created_at, undo_until, send_at, attempts, retry_at, error_code, error, accepted_at, filed_at, notified_at,
         updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       RETURNING id`,
    )
    .get(
      r.accountId,
      r.threadId,
      r.threadKey,
      r.kind,
      r.state,
      r.messageId,
      r.parentMessageId,
      r.subject,
      r.envelopeFrom,
      JSON.stringify(r.envelopeTo),
      JSON.stringify(r.to),
      r.raw,
      r.size,
      r.requestJson,
      r.courtesy ? 1 : 0,
      r.promiseAt,
      r.openedAt,
      r.force ? 1 : 0,
      r.createdAt,
      r.undoUntil,
      r.sendAt,
      r.attempts,
      r.retryAt,
      r.errorCode,
      r.error,
      r.acceptedAt,
      r.filedAt,
      r.notifiedAt,
      r.updatedAt,
    ) as { id: number };
  return row.id;
}

/** One item by id. */
export function getOutbox(db: Db, id: number): OutboxRecord | null {
  const row = db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
  return row ? rowToRecord(row) : null;
}

/**
 * Writes an item's mutable fields only if it is still in `expected` state (compare-and-set),
 * so two passes can never both move it. Returns false when the state had changed.
 */
export function updateOutbox(db: Db, id: number, expected: OutboxState, next: OutboxMutable): boolean {
  const result = db
    .prepare(
      `UPDATE outbox SET state = @state, attempts = @attempts, retry_at = @retryAt, error_code = @errorCode,
         error = @error, accepted_at = @acceptedAt, filed_at = @filedAt, send_at = @sendAt, undo_until = @undoUntil,
         force = @force, notified_at = @notifiedAt, updated_at = @updatedAt
       WHERE id = @id AND state = @expected`,
    )
    .run({ ...next, force: next.force ? 1 : 0, id, expected });
  return result.changes === 1;
}

/** Items of an account, newest first (the outbox view); `states` narrows it. */
export function listOutbox(db: Db, accountId: number, limit = 500): OutboxRecord[] {
  const rows = db
    .prepare('SELECT * FROM outbox WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?')
    .all(accountId, limit) as OutboxRow[];
  return rows.map(rowToRecord);
}

/** Items in one state, oldest first. */
export function outboxInState(db: Db, accountId: number, state: OutboxState): OutboxRecord[] {
  const rows = db
    .prepare('SELECT * FROM outbox WHERE account_id = ? AND state = ? ORDER BY send_at, id')
    .all(accountId, state) as OutboxRow[];
  return rows.map(rowToRecord);
}

/**
 * Replies ready to go at `now`, in the order they must leave: queued ones whose undo window
 * and send-later time have passed, and failed ones whose automatic retry is due.
 */
export function dueOutbox(db: Db, accountId: number, now: number): OutboxRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM outbox WHERE account_id = ? AND (
         (state = 'queued' AND send_at <= ?) OR (state = 'failed' AND retry_at IS NOT NULL AND retry_at <= ?))
       ORDER BY send_at, id`,
    )
    .all(accountId, now, now) as OutboxRow[];
  return rows.map(rowToRecord);
}

/** Replies that left but whose filing (Sent copy, \Answered) or notification is still owed. */
export function unfinishedOutbox(db: Db, accountId: number): OutboxRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM outbox WHERE account_id = ? AND (state = 'accepted' OR (state = 'filed' AND notified_at IS NULL))
       ORDER BY send_at, id`,
    )
    .all(accountId) as OutboxRow[];
  return rows.map(rowToRecord);
}

/** Message-IDs of this account's own replies (the collision check skips them). */
export function outboxMessageIds(db: Db, threadKey: string): string[] {
  const rows = db.prepare('SELECT message_id FROM outbox WHERE thread_key = ?').all(threadKey) as Array<{
    message_id: string;
  }>;
  return rows.map((r) => r.message_id);
}
