import type { Db } from '../db';
import type { OutboxState } from '../../../shared/outbox';

/** One transition of an outbox item. */
export interface OutboxLogEntry {
  outboxId: number;
  at: number;
  from: OutboxState | null;
  to: OutboxState;
  detail: string;
}

interface OutboxLogRow {
  outbox_id: number;
  at: number;
  from_state: OutboxState | null;
  to_state: OutboxState;
  detail: string;
}

function rowToEntry(row: OutboxLogRow): OutboxLogEntry {
  return { outboxId: row.outbox_id, at: row.at, from: row.from_state, to: row.to_state, detail: row.detail };
}

/** Records a transition; call inside the transaction that made it. */
export function appendOutboxLog(db: Db, entry: OutboxLogEntry): void {
  db.prepare('INSERT INTO outbox_log (outbox_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?)').run(
    entry.outboxId,
    entry.at,
    entry.from,
    entry.to,
    entry.detail,
  );
}

/** An item's history, oldest first. */
export function outboxHistory(db: Db, outboxId: number): OutboxLogEntry[] {
  const rows = db
    .prepare('SELECT outbox_id, at, from_state, to_state, detail FROM outbox_log WHERE outbox_id = ? ORDER BY id')
    .all(outboxId) as OutboxLogRow[];
  return rows.map(rowToEntry);
}
