import { prepared } from '../statements';
import type { Db } from '../db';
import type { MessageView, Person } from '../../../shared/types';

/** A message ready to store: parsed headers and text, plus where it lives on the server. */
export interface NewMessage {
  accountId: number;
  folderId: number;
  uid: number;
  threadId: number | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: Person;
  to: Person[];
  cc: Person[];
  date: number;
  snippet: string;
  text: string;
  html: string | null;
  flags: string[];
  hasAttachments: boolean;
  fromTeam: boolean;
  parseError: string | null;
  raw: Buffer | null;
  bodyState: 'pending' | 'done' | 'failed';
  modseq: string | null;
  size: number;
  gmThrid: string | null;
  headers: Record<string, string>;
}

interface MessageRow {
  id: number;
  message_id: string;
  subject: string;
  from_name: string;
  from_address: string;
  to_json: string;
  cc_json: string;
  date: number;
  body_text: string;
  body_html: string | null;
  from_team: number;
  has_attachments: number;
  headers: string;
  parse_error: string | null;
  joined_by_subject: number;
}

/** The Date header as written when the stored date is not the one it names (see filedDate). */
function writtenDateOf(headersJson: string, date: number): string | null {
  const written = (JSON.parse(headersJson) as Record<string, string>).date;
  if (written === undefined || written === '') return null;
  return Date.parse(written) === date ? null : written;
}

function rowToView(row: MessageRow): MessageView {
  return {
    id: row.id,
    messageId: row.message_id,
    from: { name: row.from_name, address: row.from_address },
    to: JSON.parse(row.to_json) as Person[],
    cc: JSON.parse(row.cc_json) as Person[],
    subject: row.subject,
    date: row.date,
    writtenDate: writtenDateOf(row.headers, row.date),
    unreadable: row.parse_error,
    text: row.body_text,
    html: row.body_html,
    fromTeam: row.from_team === 1,
    hasAttachments: row.has_attachments === 1,
    attachments: [],
    imagesAllowed: false,
    joinedBySubject: row.joined_by_subject === 1,
  };
}

/** Stores a message; returns its id, or null if this folder/UID was already stored. */
export function insertMessage(db: Db, m: NewMessage): number | null {
  const row = prepared(
    db,
    `INSERT INTO messages (account_id, folder_id, uid, thread_id, message_id, in_reply_to, refs,
         subject, from_name, from_address, to_json, cc_json, date, snippet, body_text, body_html,
         flags, has_attachments, from_team, parse_error, raw, body_state, modseq, size, gm_thrid, headers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (folder_id, uid) DO NOTHING
       RETURNING id`,
  ).get(
    m.accountId,
    m.folderId,
    m.uid,
    m.threadId,
    m.messageId,
    m.inReplyTo,
    JSON.stringify(m.references),
    m.subject,
    m.from.name,
    m.from.address,
    JSON.stringify(m.to),
    JSON.stringify(m.cc),
    m.date,
    m.snippet,
    m.text,
    m.html,
    JSON.stringify(m.flags),
    m.hasAttachments ? 1 : 0,
    m.fromTeam ? 1 : 0,
    m.parseError,
    m.raw,
    m.bodyState,
    m.modseq,
    m.size,
    m.gmThrid,
    JSON.stringify(m.headers),
  ) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Whether a folder already holds this UID (sync uses it to skip re-fetches). */
export function hasMessage(db: Db, folderId: number, uid: number): boolean {
  return prepared(db, 'SELECT 1 FROM messages WHERE folder_id = ? AND uid = ?').get(folderId, uid) !== undefined;
}

/** The sender address of a stored message, or null when there is no such message. */
export function messageSender(db: Db, messageRowId: number): string | null {
  const row = prepared(db, 'SELECT from_address FROM messages WHERE id = ?').get(messageRowId) as
    { from_address: string } | undefined;
  return row?.from_address ?? null;
}

/** A synced message as the deadline rules read it. */
export interface DeadlineMessage {
  messageId: string;
  date: number;
  fromTeam: boolean;
  fromAddress: string;
  headers: Record<string, string>;
}

/** A thread's synced messages (not local copies), oldest first, for the deadline rules. */
export function deadlineMessages(db: Db, threadId: number): DeadlineMessage[] {
  const rows = prepared(
    db,
    'SELECT message_id, date, from_team, from_address, headers FROM messages WHERE thread_id = ? AND uid > 0 ORDER BY date, id',
  ).all(threadId) as Array<{
    message_id: string;
    date: number;
    from_team: number;
    from_address: string;
    headers: string;
  }>;
  return rows.map((r) => ({
    messageId: r.message_id,
    date: r.date,
    fromTeam: r.from_team === 1,
    fromAddress: r.from_address,
    headers: JSON.parse(r.headers) as Record<string, string>,
  }));
}

/** Stored and unreadable message counts of a folder (synced messages only). */
export function folderMessageCounts(db: Db, folderId: number): { stored: number; unreadable: number } {
  const row = prepared(
    db,
    `SELECT COUNT(*) AS stored, SUM(CASE WHEN body_state = 'failed' THEN 1 ELSE 0 END) AS failed
       FROM messages WHERE folder_id = ? AND uid > 0`,
  ).get(folderId) as { stored: number; failed: number | null };
  return { stored: row.stored, unreadable: row.failed ?? 0 };
}

/** A thread's messages, oldest first. The same mail seen in two folders shows once. */
export function listThreadMessages(db: Db, threadId: number): MessageView[] {
  const rows = prepared(
    db,
    `SELECT * FROM messages WHERE thread_id = ? AND id IN (
         SELECT MIN(id) FROM messages WHERE thread_id = ? GROUP BY message_id)
       ORDER BY date, id`,
  ).all(threadId, threadId) as MessageRow[];
  return rows.map(rowToView);
}

/** Moves every message of one thread into another (thread merge). */
export function moveMessages(db: Db, fromThreadId: number, toThreadId: number): void {
  prepared(db, 'UPDATE messages SET thread_id = ? WHERE thread_id = ?').run(toThreadId, fromThreadId);
}

/** A message awaiting its body, as the body phase needs it. */
export interface PendingBody {
  id: number;
  folderId: number;
  uid: number;
  date: number;
  size: number;
}

/** Messages whose body has not been fetched yet, newest first. */
export function pendingBodies(db: Db, folderId: number, limit: number): PendingBody[] {
  const rows = prepared(
    db,
    `SELECT id, folder_id, uid, date, size FROM messages WHERE folder_id = ? AND body_state = 'pending' AND uid > 0
       ORDER BY uid DESC LIMIT ?`,
  ).all(folderId, limit) as Array<{ id: number; folder_id: number; uid: number; date: number; size: number }>;
  return rows.map((r) => ({ id: r.id, folderId: r.folder_id, uid: r.uid, date: r.date, size: r.size }));
}

/** The bytes kept for a message Promptly could not read (or read only in part), or null. */
export function keptSource(db: Db, id: number): Buffer | null {
  const row = prepared(db, 'SELECT raw FROM messages WHERE id = ?').get(id) as { raw: Buffer | null } | undefined;
  return row?.raw ?? null;
}

/** Fills in a message's body once fetched (or marks it unreadable, keeping the raw bytes). */
export function saveBody(
  db: Db,
  id: number,
  body:
    | {
        ok: true;
        text: string;
        html: string | null;
        snippet: string;
        hasAttachments: boolean;
        /** Read only in part (see ParsedMessage.problem): noted, and the raw bytes kept for "Show original". */
        problem?: { note: string; raw: Buffer } | null;
      }
    | { ok: false; error: string; raw: Buffer },
): number | null {
  const row = body.ok
    ? prepared(
        db,
        `UPDATE messages SET body_text = ?, body_html = ?, snippet = ?, has_attachments = ?, body_state = 'done',
             parse_error = ?, raw = ? WHERE id = ? RETURNING thread_id`,
      ).get(
        body.text,
        body.html,
        body.snippet,
        body.hasAttachments ? 1 : 0,
        body.problem?.note ?? null,
        body.problem?.raw ?? null,
        id,
      )
    : prepared(
        db,
        `UPDATE messages SET body_state = 'failed', parse_error = ?, raw = ? WHERE id = ? RETURNING thread_id`,
      ).get(body.error, body.raw, id);
  return (row as { thread_id: number | null } | undefined)?.thread_id ?? null;
}

/** Stored flags per live UID of a folder (JSON text, as stored). */
export function folderFlags(db: Db, folderId: number): Map<number, string> {
  const rows = prepared(db, 'SELECT uid, flags FROM messages WHERE folder_id = ? AND uid > 0').all(folderId) as Array<{
    uid: number;
    flags: string;
  }>;
  return new Map(rows.map((r) => [r.uid, r.flags]));
}

/** Applies a flag change seen on the server; returns the thread touched, if any. */
export function updateFlags(
  db: Db,
  folderId: number,
  uid: number,
  flags: string[],
  modseq: string | null,
): number | null {
  const row = prepared(
    db,
    'UPDATE messages SET flags = ?, modseq = COALESCE(?, modseq) WHERE folder_id = ? AND uid = ? RETURNING thread_id',
  ).get(JSON.stringify(flags), modseq, folderId, uid) as { thread_id: number | null } | undefined;
  return row?.thread_id ?? null;
}

/** Removes messages expunged on the server; returns the threads touched. */
export function deleteByUids(db: Db, folderId: number, uids: number[]): number[] {
  const stmt = prepared(db, 'DELETE FROM messages WHERE folder_id = ? AND uid = ? RETURNING thread_id');
  const threads = new Set<number>();
  for (const uid of uids) {
    const row = stmt.get(folderId, uid) as { thread_id: number | null } | undefined;
    if (row?.thread_id) threads.add(row.thread_id);
  }
  return [...threads];
}

/**
 * UIDVALIDITY changed (RFC 3501 §2.3.1.1): old UIDs mean nothing, but the rows stay,
 * parked under negative UIDs, so the resync can re-match them by Message-ID and keep
 * their local state. Rows not re-matched are removed by `dropStaleMessages`.
 */
export function parkFolderMessages(db: Db, folderId: number): void {
  prepared(db, 'UPDATE messages SET uid = -id WHERE folder_id = ? AND uid > 0').run(folderId);
}

/** Gives a parked message its new UID if one with this Message-ID is waiting; returns its thread. */
export function rematchParked(
  db: Db,
  folderId: number,
  messageId: string,
  uid: number,
  flags: string[],
): number | null | undefined {
  const row = prepared(
    db,
    `UPDATE messages SET uid = ?, flags = ? WHERE id = (
         SELECT id FROM messages WHERE folder_id = ? AND uid < 0 AND message_id = ? LIMIT 1)
       RETURNING thread_id`,
  ).get(uid, JSON.stringify(flags), folderId, messageId) as { thread_id: number | null } | undefined;
  return row === undefined ? undefined : row.thread_id;
}

/** Deletes parked rows that did not come back after a UIDVALIDITY change; returns threads touched. */
export function dropStaleMessages(db: Db, folderId: number): number[] {
  const rows = prepared(db, 'DELETE FROM messages WHERE folder_id = ? AND uid < 0 RETURNING thread_id').all(
    folderId,
  ) as Array<{
    thread_id: number | null;
  }>;
  return [...new Set(rows.map((r) => r.thread_id).filter((t): t is number => t !== null))];
}

/** The thread already holding a Gmail conversation (X-GM-THRID is authoritative there). */
export function threadForGmailId(db: Db, accountId: number, gmThrid: string): number | null {
  const row = prepared(
    db,
    'SELECT thread_id FROM messages WHERE account_id = ? AND gm_thrid = ? AND thread_id IS NOT NULL LIMIT 1',
  ).get(accountId, gmThrid) as { thread_id: number } | undefined;
  return row?.thread_id ?? null;
}

/** How many bodies of a folder are still to be fetched. */
export function countPendingBodies(db: Db, folderId: number): number {
  const row = prepared(
    db,
    "SELECT COUNT(*) AS n FROM messages WHERE folder_id = ? AND body_state = 'pending' AND uid > 0",
  ).get(folderId) as {
    n: number;
  };
  return row.n;
}

/** The UIDs and flags of a folder's messages with this Message-ID (the demo files its own mail). */
export function folderMessagesById(
  db: Db,
  folderId: number,
  messageId: string,
): Array<{ uid: number; flags: string[] }> {
  const rows = prepared(db, 'SELECT uid, flags FROM messages WHERE folder_id = ? AND message_id = ? AND uid > 0').all(
    folderId,
    messageId,
  ) as Array<{ uid: number; flags: string }>;
  return rows.map((r) => ({ uid: r.uid, flags: JSON.parse(r.flags) as string[] }));
}

/** The highest UID stored in a folder, 0 when it holds none. */
export function highestUid(db: Db, folderId: number): number {
  const row = prepared(db, 'SELECT MAX(uid) AS uid FROM messages WHERE folder_id = ?').get(folderId) as
    { uid: number | null } | undefined;
  return row?.uid ?? 0;
}
