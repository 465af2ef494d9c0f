import type { Db } from '../db';
import type { Person } from '../../../shared/types';

/**
 * Read-only views of stored messages for the composer and the collision check.
 * The rows belong to the `messages` table (synced mail); nothing here writes.
 */

/** A stored message as the composer needs it to answer or forward it. */
export interface ReplySource {
  id: number;
  threadId: number | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: Person;
  to: Person[];
  cc: Person[];
  /** The Reply-To address when sync kept that header; replies go there instead of From. */
  replyTo: string | null;
  date: number;
  text: string;
  fromTeam: boolean;
  hasAttachments: boolean;
}

interface SourceRow {
  id: number;
  thread_id: number | null;
  message_id: string;
  in_reply_to: string | null;
  refs: string;
  subject: string;
  from_name: string;
  from_address: string;
  to_json: string;
  cc_json: string;
  headers: string;
  date: number;
  body_text: string;
  from_team: number;
  has_attachments: number;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function rowToSource(row: SourceRow): ReplySource {
  const headers = parseJson<Record<string, string>>(row.headers, {});
  return {
    id: row.id,
    threadId: row.thread_id,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    references: parseJson<string[]>(row.refs, []),
    subject: row.subject,
    from: { name: row.from_name, address: row.from_address },
    to: parseJson<Person[]>(row.to_json, []),
    cc: parseJson<Person[]>(row.cc_json, []),
    replyTo: typeof headers['reply-to'] === 'string' ? headers['reply-to'] : null,
    date: row.date,
    text: row.body_text,
    fromTeam: row.from_team === 1,
    hasAttachments: row.has_attachments === 1,
  };
}

const COLUMNS = `m.id, m.thread_id, m.message_id, m.in_reply_to, m.refs, m.subject, m.from_name, m.from_address,
  m.to_json, m.cc_json, m.headers, m.date, m.body_text, m.from_team, m.has_attachments`;

/** One stored message by row id. */
export function replySource(db: Db, messageRowId: number): ReplySource | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM messages m WHERE m.id = ?`).get(messageRowId) as SourceRow | undefined;
  return row ? rowToSource(row) : null;
}

/**
 * The message a reply in this thread answers by default: the latest one not written by the
 * team (the customer's), else the latest of all. `team` lists the team's addresses.
 */
export function defaultParent(db: Db, threadId: number, team: readonly string[]): ReplySource | null {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM messages m WHERE m.thread_id = ? AND m.uid > 0 ORDER BY m.date DESC, m.id DESC`)
    .all(threadId) as SourceRow[];
  const teamSet = new Set(team.map((a) => a.toLowerCase()));
  const customer = rows.find((r) => r.from_team === 0 && !teamSet.has(r.from_address.toLowerCase()));
  const chosen = customer ?? rows[0];
  return chosen ? rowToSource(chosen) : null;
}

/** A reply by the team found in the store. */
export interface TeamReply {
  messageId: string;
  fromName: string;
  fromAddress: string;
  date: number;
}

/**
 * Replies by the team in a thread dated after `since`: messages in the Sent folder or from a
 * team address (`from_team`), newest first.
 */
export function teamRepliesSince(db: Db, threadId: number, since: number): TeamReply[] {
  const rows = db
    .prepare(
      `SELECT m.message_id, m.from_name, m.from_address, m.date FROM messages m JOIN folders f ON f.id = m.folder_id
       WHERE m.thread_id = ? AND m.date > ? AND m.uid > 0 AND (m.from_team = 1 OR f.role = 'sent')
       ORDER BY m.date DESC, m.id DESC`,
    )
    .all(threadId, since) as Array<{ message_id: string; from_name: string; from_address: string; date: number }>;
  return rows.map((r) => ({
    messageId: r.message_id,
    fromName: r.from_name,
    fromAddress: r.from_address,
    date: r.date,
  }));
}
