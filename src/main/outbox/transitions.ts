import type { Db } from '../store/db';
import type { OutboxState } from '../../shared/outbox';
import { getOutbox, updateOutbox, type OutboxMutable, type OutboxRecord } from '../store/repos/outbox';
import { appendOutboxLog } from '../store/repos/outboxLog';

/** Which states an item may move to from each state (docs/ARCHITECTURE.md, "Outbox"). */
export const TRANSITIONS: Readonly<Record<OutboxState, readonly OutboxState[]>> = {
  queued: ['sending', 'cancelled', 'failed'],
  sending: ['accepted', 'failed', 'uncertain', 'sending'],
  accepted: ['filed', 'accepted'],
  filed: ['filed'],
  failed: ['sending', 'queued', 'cancelled', 'failed'],
  uncertain: ['queued', 'cancelled', 'accepted'],
  cancelled: [],
};

/** A change to an item: its new state and any fields that change with it. */
export type OutboxChange = Partial<Omit<OutboxMutable, 'updatedAt'>> & { state: OutboxState };

/**
 * Moves an item from `expected` to `change.state` in one SQLite transaction that also logs the
 * transition. Returns the updated record, or null when the item was no longer in `expected`
 * (another pass or an undo got there first) or the move is not allowed.
 */
export function moveItem(
  db: Db,
  id: number,
  expected: OutboxState,
  change: OutboxChange,
  at: number,
  detail = '',
): OutboxRecord | null {
  if (!TRANSITIONS[expected].includes(change.state)) return null;
  return db.transaction((): OutboxRecord | null => {
    const current = getOutbox(db, id);
    if (!current || current.state !== expected) return null;
    const next: OutboxMutable = {
      state: change.state,
      attempts: change.attempts ?? current.attempts,
      retryAt: change.retryAt !== undefined ? change.retryAt : current.retryAt,
      errorCode: change.errorCode !== undefined ? change.errorCode : current.errorCode,
      error: change.error !== undefined ? change.error : current.error,
      acceptedAt: change.acceptedAt !== undefined ? change.acceptedAt : current.acceptedAt,
      filedAt: change.filedAt !== undefined ? change.filedAt : current.filedAt,
      sendAt: change.sendAt ?? current.sendAt,
      undoUntil: change.undoUntil ?? current.undoUntil,
      force: change.force ?? current.force,
      notifiedAt: change.notifiedAt !== undefined ? change.notifiedAt : current.notifiedAt,
      updatedAt: at,
    };
    if (!updateOutbox(db, id, expected, next)) return null;
    if (expected !== change.state || detail !== '') {
      appendOutboxLog(db, { outboxId: id, at, from: expected, to: change.state, detail });
    }
    return { ...current, ...next };
  })();
}
