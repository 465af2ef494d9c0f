/**
 * What diagnostics read of stored messages: the ones Promptly could not read, and every stored
 * field of a thread's messages (`thread KEY --raw`).
 */
import { prepared } from '../statements';
import type { Db } from '../db';
import type { UnreadableMessage } from '../../../shared/types';

/** Messages kept raw because they could not be parsed, newest first. */
export function listUnreadable(db: Db, accountId: number, limit: number): UnreadableMessage[] {
  const rows = prepared(
    db,
    `SELECT m.id, f.path, m.uid, m.date, m.parse_error, COALESCE(LENGTH(m.raw), m.size) AS size, SUBSTR(CAST(m.raw AS TEXT), 1, 300) AS preview
       FROM messages m JOIN folders f ON f.id = m.folder_id
       WHERE m.account_id = ? AND m.parse_error IS NOT NULL AND m.uid > 0 ORDER BY m.date DESC LIMIT ?`,
  ).all(accountId, limit) as Array<{
    id: number;
    path: string;
    uid: number;
    date: number;
    parse_error: string;
    size: number | null;
    preview: string | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    folder: r.path,
    uid: r.uid,
    date: r.date,
    error: r.parse_error,
    size: r.size ?? 0,
    preview: r.preview ?? '',
  }));
}

/** Everything stored for a thread's messages, for `thread KEY --raw` diagnostics. */
export function rawThreadRows(db: Db, threadId: number): Array<Record<string, unknown>> {
  const rows = prepared(
    db,
    `SELECT m.id, f.path AS folder, m.uid, m.message_id, m.in_reply_to, m.refs, m.subject, m.from_address, m.date,
         m.flags, m.modseq, m.body_state, m.size, m.headers, m.parse_error, m.gm_thrid, LENGTH(m.raw) AS raw_bytes, m.source_file
       FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.thread_id = ? ORDER BY m.date, m.id`,
  ).all(threadId) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    ...r,
    refs: JSON.parse(String(r.refs)),
    flags: JSON.parse(String(r.flags)),
    headers: JSON.parse(String(r.headers)),
  }));
}
