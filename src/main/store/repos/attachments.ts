import { prepared } from '../statements';
import type { Db } from '../db';
import type { AttachmentMeta } from '../../../shared/types';

/** Replaces a message's attachment list (the body phase knows the full list at once). */
export function saveAttachments(db: Db, messageId: number, list: AttachmentMeta[]): void {
  prepared(db, 'DELETE FROM attachments WHERE message_id = ?').run(messageId);
  const insert = prepared(
    db,
    `INSERT INTO attachments (message_id, part, filename, content_type, size, content_id, inline)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of list) insert.run(messageId, a.part, a.filename, a.contentType, a.size, a.contentId, a.inline ? 1 : 0);
}

/** A message's attachments in order. */
export function listAttachments(db: Db, messageId: number): AttachmentMeta[] {
  const rows = prepared(
    db,
    'SELECT part, filename, content_type, size, content_id, inline FROM attachments WHERE message_id = ? ORDER BY id',
  ).all(messageId) as Array<{
    part: string;
    filename: string;
    content_type: string;
    size: number;
    content_id: string | null;
    inline: number;
  }>;
  return rows.map((r) => ({
    part: r.part,
    filename: r.filename,
    contentType: r.content_type,
    size: r.size,
    contentId: r.content_id,
    inline: r.inline === 1,
  }));
}

/** An attachment with where its message lives on the server, for on-demand download. */
export interface AttachmentLocation {
  messageRowId: number;
  folder: string;
  uid: number;
  part: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Finds an attachment by message row and part. */
export function locateAttachment(db: Db, messageRowId: number, part: string): AttachmentLocation | null {
  const row = prepared(
    db,
    `SELECT a.message_id, f.path, m.uid, a.part, a.filename, a.content_type, a.size
       FROM attachments a JOIN messages m ON m.id = a.message_id JOIN folders f ON f.id = m.folder_id
       WHERE a.message_id = ? AND a.part = ?`,
  ).get(messageRowId, part) as
    | {
        message_id: number;
        path: string;
        uid: number;
        part: string;
        filename: string;
        content_type: string;
        size: number;
      }
    | undefined;
  return row
    ? {
        messageRowId: row.message_id,
        folder: row.path,
        uid: row.uid,
        part: row.part,
        filename: row.filename,
        contentType: row.content_type,
        size: row.size,
      }
    : null;
}
