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
  from_team: number;
  has_attachments: number;
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
    text: row.body_text,
    fromTeam: row.from_team === 1,
    hasAttachments: row.has_attachments === 1,
  };
}

/** Stores a message; returns its id, or null if this folder/UID was already stored. */
export function insertMessage(db: Db, m: NewMessage): number | null {
  const row = db
    .prepare(
      `INSERT INTO messages (account_id, folder_id, uid, thread_id, message_id, in_reply_to, refs,
         subject, from_name, from_address, to_json, cc_json, date, snippet, body_text, body_html,
         flags, has_attachments, from_team, parse_error, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (folder_id, uid) DO NOTHING
       RETURNING id`,
    )
    .get(
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
    ) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Whether a folder already holds this UID (sync uses it to skip re-fetches). */
export function hasMessage(db: Db, folderId: number, uid: number): boolean {
  return db.prepare('SELECT 1 FROM messages WHERE folder_id = ? AND uid = ?').get(folderId, uid) !== undefined;
}

/** A thread's messages, oldest first. The same mail seen in two folders shows once. */
export function listThreadMessages(db: Db, threadId: number): MessageView[] {
  const rows = db
    .prepare(
      `SELECT * FROM messages WHERE thread_id = ? AND id IN (
         SELECT MIN(id) FROM messages WHERE thread_id = ? GROUP BY message_id)
       ORDER BY date, id`,
    )
    .all(threadId, threadId) as MessageRow[];
  return rows.map(rowToView);
}

/** Moves every message of one thread into another (thread merge). */
export function moveMessages(db: Db, fromThreadId: number, toThreadId: number): void {
  db.prepare('UPDATE messages SET thread_id = ? WHERE thread_id = ?').run(toThreadId, fromThreadId);
}

/** Counts stored messages of a folder. */
export function countFolderMessages(db: Db, folderId: number): number {
  const row = db.prepare('SELECT COUNT(*) AS n FROM messages WHERE folder_id = ?').get(folderId) as {
    n: number;
  };
  return row.n;
}

/** Drops a folder's UID mapping (UIDVALIDITY changed); returns the threads touched. */
export function deleteFolderMessages(db: Db, folderId: number): number[] {
  const rows = db
    .prepare('SELECT DISTINCT thread_id FROM messages WHERE folder_id = ? AND thread_id IS NOT NULL')
    .all(folderId) as Array<{ thread_id: number }>;
  db.prepare('DELETE FROM messages WHERE folder_id = ?').run(folderId);
  return rows.map((r) => r.thread_id);
}
