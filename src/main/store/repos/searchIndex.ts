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

/** FTS5's own default (sqlite.org/fts5.html, "The 'automerge' Configuration Option"). */
const AUTOMERGE_DEFAULT = 4;

const automerge = (db: Db, segments: number): void => {
  prepared(db, "INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', CAST(? AS INTEGER))").run(segments);
};

/**
 * Holds FTS5's merging of index segments while a first sync writes one segment per batch:
 * merging each few batches' segments into the last ones took about 8 % of the main thread
 * at 100,000 messages (issue 16). Search finds the same with more segments; `crisismerge`
 * still bounds them.
 */
export function holdIndexMerges(db: Db): void {
  automerge(db, 0);
}

/** Gives merging back (later writes merge what the hold left); also on opening, after a sync that never ended. */
export function resumeIndexMerges(db: Db): void {
  const held = prepared(db, "SELECT v FROM messages_fts_config WHERE k = 'automerge'").get() as
    { v: number } | undefined;
  if (held?.v === 0) automerge(db, AUTOMERGE_DEFAULT);
}
