import type { Db } from '../db';
import { prepared } from '../statements';

/**
 * Adds the search documents of messages just stored (migration 017): one statement for a
 * whole batch, as the last write of its transaction, so FTS5 writes one segment per batch.
 * The caller leaves out rows waiting for their body (migration 010): the update trigger
 * indexes them when the body comes.
 */
export function indexStoredMessages(db: Db, messageRowIds: number[]): void {
  if (messageRowIds.length === 0) return;
  prepared(
    db,
    `INSERT INTO messages_fts (rowid, subject, body, sender, recipients)
     SELECT id, subject, body, sender, recipients FROM messages_fts_source
     WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).run(JSON.stringify(messageRowIds));
}
