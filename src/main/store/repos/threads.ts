import { prepared } from '../statements';
import type { Db } from '../db';
import type { ThreadSummary } from '../../../shared/types';
import { findThreadByAnyKey } from './threadKeys';

/** A `threads` row as SQLite returns it. */
export interface ThreadRow {
  id: number;
  thread_key: string;
  subject: string;
  snippet: string;
  last_from_name: string;
  last_from_address: string;
  last_message_at: number;
  message_count: number;
  has_attachments: number;
}

/** Maps a `threads` row to the list summary. */
export function rowToSummary(row: ThreadRow): ThreadSummary {
  return {
    id: row.id,
    key: row.thread_key,
    subject: row.subject,
    snippet: row.snippet,
    from: { name: row.last_from_name, address: row.last_from_address },
    lastMessageAt: row.last_message_at,
    messageCount: row.message_count,
    hasAttachments: row.has_attachments === 1,
  };
}

/** Creates an empty thread with a stable key; the summary is filled by `refreshThread`. */
export function createThread(db: Db, accountId: number, key: string, at: number): number {
  const row = prepared(
    db,
    `INSERT INTO threads (account_id, thread_key, first_message_at, last_message_at)
       VALUES (?, ?, ?, ?) RETURNING id`,
  ).get(accountId, key, at, at) as { id: number };
  return row.id;
}

/** The thread with this key, if any. */
export function findThreadByKey(db: Db, accountId: number, key: string): number | null {
  const row = prepared(db, 'SELECT id FROM threads WHERE account_id = ? AND thread_key = ?').get(accountId, key) as
    { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Recomputes a thread's summary row from its messages (cheap: one thread's rows). The sender
 * shown is the customer's newest message: the team's own replies never replace the customer.
 */
export function refreshThread(db: Db, threadId: number): void {
  prepared(
    db,
    `UPDATE threads SET
       subject = COALESCE((SELECT subject FROM messages WHERE thread_id = @id ORDER BY date, id LIMIT 1), ''),
       snippet = COALESCE((SELECT snippet FROM messages WHERE thread_id = @id ORDER BY date DESC, id DESC LIMIT 1), ''),
       last_from_name = COALESCE((SELECT from_name FROM messages WHERE thread_id = @id ORDER BY from_team, from_name = '', date DESC, id DESC LIMIT 1), ''),
       last_from_address = COALESCE((SELECT from_address FROM messages WHERE thread_id = @id ORDER BY from_team, from_name = '', date DESC, id DESC LIMIT 1), ''),
       first_message_at = COALESCE((SELECT MIN(date) FROM messages WHERE thread_id = @id), first_message_at),
       last_message_at = COALESCE((SELECT MAX(date) FROM messages WHERE thread_id = @id), last_message_at),
       message_count = (SELECT COUNT(DISTINCT message_id) FROM messages WHERE thread_id = @id),
       has_attachments = COALESCE((SELECT MAX(has_attachments) FROM messages WHERE thread_id = @id), 0),
       last_customer_at = (SELECT MAX(date) FROM messages WHERE thread_id = @id AND from_team = 0),
       last_team_at = (SELECT MAX(date) FROM messages WHERE thread_id = @id AND from_team = 1)
     WHERE id = @id`,
  ).run({ id: threadId });
}

/** Threads newest first, from the summary table (no GROUP BY at read time). */
export function listThreads(db: Db, accountId: number, limit: number, offset: number): ThreadSummary[] {
  const rows = prepared(
    db,
    `SELECT * FROM threads WHERE account_id = ? AND message_count > 0
       ORDER BY last_message_at DESC, id DESC LIMIT ? OFFSET ?`,
  ).all(accountId, limit, offset) as ThreadRow[];
  return rows.map(rowToSummary);
}

/** The ids of every thread of an account (a policy change re-times them all). */
export function listThreadIds(db: Db, accountId: number): number[] {
  return (prepared(db, 'SELECT id FROM threads WHERE account_id = ?').all(accountId) as Array<{ id: number }>).map(
    (r) => r.id,
  );
}

/** Whether a thread is there (not merged away or expunged). */
export function threadExists(db: Db, threadId: number): boolean {
  return prepared(db, 'SELECT 1 FROM threads WHERE id = ?').get(threadId) !== undefined;
}

/** One thread's summary. */
export function getThread(db: Db, threadId: number): ThreadSummary | null {
  const row = prepared(db, 'SELECT * FROM threads WHERE id = ?').get(threadId) as ThreadRow | undefined;
  return row ? rowToSummary(row) : null;
}

/** Resolves a thread by numeric id or by its key, now or earlier (the CLI accepts both). */
export function resolveThread(db: Db, accountId: number, idOrKey: string): ThreadSummary | null {
  if (/^\d+$/.test(idOrKey)) return getThread(db, Number(idOrKey));
  const id = findThreadByAnyKey(db, accountId, idOrKey.replace(/^<|>$/g, ''));
  return id === null ? null : getThread(db, id);
}

/** Removes a thread that has been merged away. */
export function deleteThread(db: Db, threadId: number): void {
  prepared(db, 'DELETE FROM threads WHERE id = ?').run(threadId);
}

/**
 * Brings a thread's first and last dates up to date at once (the rest of the summary waits for
 * the batch's end): the subject fallback finds threads by them while the batch is stored.
 */
export function refreshThreadDates(db: Db, threadId: number): void {
  prepared(
    db,
    `UPDATE threads SET
       first_message_at = COALESCE((SELECT MIN(date) FROM messages WHERE thread_id = @id), first_message_at),
       last_message_at = COALESCE((SELECT MAX(date) FROM messages WHERE thread_id = @id), last_message_at)
     WHERE id = @id`,
  ).run({ id: threadId });
}

/**
 * Threads `address` took part in (From/To/Cc) with a message dated within [from, at], for the
 * subject fallback; lastMessageAt is their last message up to `at`, so a reply is weighed
 * against the mail before it whatever order the two were stored in. Subject and dates come
 * from messages, since a batch refreshes summaries only at its end.
 */
export function recentThreadsWithAddress(
  db: Db,
  accountId: number,
  address: string,
  from: number,
  at: number,
): Array<{ threadId: number; subject: string; lastMessageAt: number }> {
  return prepared(
    db,
    `SELECT * FROM (SELECT t.id AS threadId,
         (SELECT subject FROM messages f WHERE f.thread_id = t.id ORDER BY date, id LIMIT 1) AS subject,
         (SELECT MAX(date) FROM messages l WHERE l.thread_id = t.id AND l.date <= @at) AS lastMessageAt
       FROM threads t
       WHERE t.account_id = @accountId AND t.last_message_at >= @from
         AND EXISTS (SELECT 1 FROM messages p WHERE p.thread_id = t.id AND (
           lower(p.from_address) = @address
           OR EXISTS (SELECT 1 FROM json_each(p.to_json) j WHERE lower(json_extract(j.value, '$.address')) = @address)
           OR EXISTS (SELECT 1 FROM json_each(p.cc_json) j WHERE lower(json_extract(j.value, '$.address')) = @address)))
       ) WHERE lastMessageAt >= @from ORDER BY threadId`,
  ).all({ accountId, address: address.toLowerCase(), from, at }) as Array<{
    threadId: number;
    subject: string;
    lastMessageAt: number;
  }>;
}

/** Deletes a thread that no longer has any message (with its refs and participants). */
export function deleteThreadIfEmpty(db: Db, threadId: number): boolean {
  const result = prepared(
    db,
    'DELETE FROM threads WHERE id = ? AND NOT EXISTS (SELECT 1 FROM messages WHERE thread_id = ?)',
  ).run(threadId, threadId);
  return result.changes > 0;
}

/** A list row joined with the thread's team state and due time. */
export interface ThreadListRow {
  summary: ThreadSummary;
  owner: string | null;
  handoffTo: string | null;
  status: 'open' | 'waiting' | 'closed';
  snoozedUntil: number | null;
  teamKey: string | null;
  dueAt: number | null;
  dueReason: string | null;
}

/**
 * The filter of each list view (docs/PRODUCT.md); `me` is my address, `now` decides snoozes and due times.
 * Promised and Waiting on customer never overlap: a thread whose next deadline is a promise is an
 * answer the team owes, not a customer's move.
 */
export const VIEW_SQL: Record<string, string> = {
  all: '1',
  mine: "owner = @me AND eff_status <> 'closed' AND NOT snoozed",
  unassigned: "owner IS NULL AND eff_status = 'open' AND NOT snoozed",
  promised: "eff_status <> 'closed' AND NOT snoozed AND due_reason = 'promise'",
  waiting: "eff_status = 'waiting' AND due_reason IS NOT 'promise'",
  closed: "eff_status = 'closed'",
  due: "eff_status <> 'closed' AND NOT snoozed AND due_at IS NOT NULL AND due_at > @now AND due_at <= @now + @lead",
  overdue: "eff_status <> 'closed' AND NOT snoozed AND due_at IS NOT NULL AND due_at <= @now",
};

/** A thread's team state as the views read it: a customer's later message reopens and wakes it. */
export const TEAM_COLUMNS = `tt.owner, tt.handoff_to, tt.snoozed_until, tt.team_key,
    CASE WHEN tt.status IN ('closed', 'waiting') AND COALESCE(t.last_customer_at, 0) > COALESCE(tt.status_at, 0)
         THEN 'open' ELSE COALESCE(tt.status, 'open') END AS eff_status,
    (tt.snoozed_until IS NOT NULL AND tt.snoozed_until > @now
      AND COALESCE(t.last_customer_at, 0) <= COALESCE(tt.snoozed_at, 0)) AS snoozed`;

const VIEW_BASE = `
  SELECT t.*, ${TEAM_COLUMNS}
  FROM threads t LEFT JOIN thread_team tt ON tt.thread_id = t.id
  WHERE t.account_id = @accountId AND t.message_count > 0`;

/**
 * Mine from my owned threads (thread_team_by_owner) and sorted, instead of walking every thread
 * newest first: with few of them, the walk read all 100,000 threads to find none (128 ms).
 */
const MINE_BASE = `
  SELECT t.*, ${TEAM_COLUMNS}
  FROM thread_team tt CROSS JOIN threads t ON t.id = tt.thread_id
  WHERE tt.owner = @me AND t.account_id = @accountId AND t.message_count > 0`;

/** Up to this many owned threads, Mine is read from them; above it, newest first finds a page sooner. */
export const FEW_OWNED = 2000;

/** The base query for a view: Mine from my owned threads when I own few. */
function viewBase(db: Db, view: string, me: string): string {
  if (view !== 'mine') return VIEW_BASE;
  const owned = prepared(db, 'SELECT COUNT(*) AS n FROM thread_team WHERE owner = ?').get(me) as { n: number };
  return owned.n <= FEW_OWNED ? MINE_BASE : VIEW_BASE;
}

/** Threads of a view, newest first or most urgent first. The view filters are fixed SQL, never user text. */
export function listThreadsInView(
  db: Db,
  args: {
    accountId: number;
    view: string;
    me: string | null;
    now: number;
    leadMs: number;
    sort: 'recent' | 'due';
    limit: number;
    offset: number;
  },
): ThreadListRow[] {
  const where = VIEW_SQL[args.view] ?? '1';
  const order =
    args.sort === 'due' ? 'due_at IS NULL, due_at ASC, last_message_at DESC, id DESC' : 'last_message_at DESC, id DESC';
  const base = viewBase(db, args.view, args.me ?? '');
  const rows = prepared(db, `SELECT * FROM (${base}) WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(
    {
      accountId: args.accountId,
      me: args.me ?? '',
      now: args.now,
      lead: args.leadMs,
      limit: args.limit,
      offset: args.offset,
    },
  ) as ViewRow[];
  return rows.map(toListRow);
}

/**
 * These threads as list rows, in the order given (search results). The same VIEW_BASE as the
 * views, so "a customer message reopens a closed thread" is decided in one place.
 */
export function listRowsByIds(db: Db, args: { accountId: number; ids: number[]; now: number }): ThreadListRow[] {
  const rows = prepared(db, `SELECT * FROM (${VIEW_BASE}) WHERE id IN (SELECT value FROM json_each(@ids))`).all({
    accountId: args.accountId,
    now: args.now,
    ids: JSON.stringify(args.ids),
  }) as ViewRow[];
  const byId = new Map(rows.map((r) => [r.id, toListRow(r)]));
  return args.ids.flatMap((id) => byId.get(id) ?? []);
}

type ViewRow = ThreadRow & {
  owner: string | null;
  handoff_to: string | null;
  snoozed_until: number | null;
  team_key: string | null;
  eff_status: 'open' | 'waiting' | 'closed';
  due_at: number | null;
  due_reason: string | null;
};

function toListRow(r: ViewRow): ThreadListRow {
  return {
    summary: rowToSummary(r),
    owner: r.owner,
    handoffTo: r.handoff_to,
    status: r.eff_status,
    snoozedUntil: r.snoozed_until,
    teamKey: r.team_key,
    dueAt: r.due_at,
    dueReason: r.due_reason,
  };
}

/** Stores a thread's due time (from the deadline policy). */
export function saveDue(db: Db, threadId: number, dueAt: number | null, reason: string | null): void {
  prepared(db, 'UPDATE threads SET due_at = ?, due_reason = ? WHERE id = ?').run(dueAt, reason, threadId);
}

/** What the demo's team history is drawn from: each thread's last message and team replies. */
export interface ThreadReplyFacts {
  id: number;
  key: string;
  lastAt: number;
  lastFromTeam: boolean;
  teamReplies: number;
  lastText: string;
  /** When the team first and second replied (null when it did not). */
  firstTeamAt: number | null;
  secondTeamAt: number | null;
}

/** Reply facts of every thread of an account, oldest thread first. */
export function threadReplyFacts(db: Db, accountId: number): ThreadReplyFacts[] {
  const rows = prepared(
    db,
    `SELECT t.id, t.thread_key AS key, t.last_message_at AS lastAt,
       (SELECT from_team FROM messages m WHERE m.thread_id = t.id ORDER BY date DESC, id DESC LIMIT 1) AS lastFromTeam,
       (SELECT COUNT(*) FROM messages m WHERE m.thread_id = t.id AND m.from_team = 1) AS teamReplies,
       (SELECT body_text FROM messages m WHERE m.thread_id = t.id ORDER BY date DESC, id DESC LIMIT 1) AS lastText,
       (SELECT date FROM messages m WHERE m.thread_id = t.id AND m.from_team = 1 ORDER BY date, id LIMIT 1) AS firstTeamAt,
       (SELECT date FROM messages m WHERE m.thread_id = t.id AND m.from_team = 1 ORDER BY date, id LIMIT 1 OFFSET 1)
         AS secondTeamAt
     FROM threads t WHERE t.account_id = ? ORDER BY t.first_message_at`,
  ).all(accountId) as Array<Omit<ThreadReplyFacts, 'lastFromTeam'> & { lastFromTeam: number }>;
  return rows.map((r) => ({ ...r, lastFromTeam: r.lastFromTeam === 1 }));
}

/** Threads with a due time, with owner and subject, for the tray and the reminder scheduler. */
export function dueThreads(
  db: Db,
  accountId: number,
): Array<{ threadId: number; key: string; subject: string; owner: string | null; dueAt: number; reason: string }> {
  return (
    prepared(
      db,
      `SELECT t.id, t.thread_key, t.subject, t.due_at, t.due_reason, tt.owner FROM threads t
       LEFT JOIN thread_team tt ON tt.thread_id = t.id
       WHERE t.account_id = ? AND t.due_at IS NOT NULL AND t.message_count > 0`,
    ).all(accountId) as Array<{
      id: number;
      thread_key: string;
      subject: string;
      due_at: number;
      due_reason: string;
      owner: string | null;
    }>
  ).map((r) => ({
    threadId: r.id,
    key: r.thread_key,
    subject: r.subject,
    owner: r.owner,
    dueAt: r.due_at,
    reason: r.due_reason,
  }));
}

/** A thread with its main customer (the outside address that wrote most), for metrics. */
export interface ThreadWithCustomer {
  id: number;
  key: string;
  subject: string;
  customer: string | null;
}

/** Every thread of an account with its main customer. */
export function threadsWithCustomer(db: Db, accountId: number): ThreadWithCustomer[] {
  return prepared(
    db,
    `SELECT t.id, t.thread_key AS key, t.subject,
       (SELECT address FROM participants p WHERE p.thread_id = t.id AND p.is_team = 0 ORDER BY message_count DESC LIMIT 1) AS customer
     FROM threads t WHERE t.account_id = ? AND t.message_count > 0`,
  ).all(accountId) as ThreadWithCustomer[];
}
