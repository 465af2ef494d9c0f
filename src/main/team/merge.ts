/**
 * What merging and splitting conversations does to their team state. These rules are part of
 * the fold, so every replica applies them the same way, in the log's UID order.
 *
 * Merging conversation S into the surviving conversation T:
 * - Owner: T keeps its owner. If T has none, it takes S's owner together with S's latest
 *   ownership change, so that owner's next action (based on it) is not a conflict. A handoff
 *   offered on S lapses; one offered on T stays.
 * - Status: the more active of the two: open over waiting over closed, so a question still open
 *   in S never disappears into a closed T.
 * - Snooze: only when both are snoozed, until the earlier of the two; otherwise none, so a merge
 *   never hides a conversation that was in view.
 * - Notes and promises: both conversations' are kept, shown together in T, and every promise
 *   counts for T's deadline (the latest promise made, as for a single conversation).
 * - Deadlines: worked out again from the merged messages, promises and snooze like any other.
 * Undo is the opposite action: a split that takes S back out of T. S comes back with its own
 * owner, status, notes and promises (they stayed on its record); T keeps what it took over.
 * Splitting a message off gives a new conversation with no owner, open, without notes.
 */
import { readEntry, type TeamState, type TeamThread } from './state';
import type { ThreadStatus } from '../../shared/teamEvents';

const ACTIVITY: Record<ThreadStatus, number> = { open: 2, waiting: 1, closed: 0 };

/** Applies the merge rules above to the surviving thread `target` (mutating it). */
export function combineOnMerge(target: TeamThread, source: TeamThread): void {
  if (target.owner === null && source.owner !== null) {
    target.owner = source.owner;
    target.lastOwnershipChange = source.lastOwnershipChange;
  }
  if (ACTIVITY[source.status] > ACTIVITY[target.status]) target.status = source.status;
  target.snooze =
    target.snooze !== null && source.snooze !== null
      ? target.snooze.until <= source.snooze.until
        ? target.snooze
        : source.snooze
      : null;
}

/** A live thread and every thread merged into it: where its notes and promises are. */
export function withMerged(state: TeamState, thread: TeamThread): TeamThread[] {
  return [thread, ...thread.mergedFrom.flatMap((key) => readEntry(state.threads, key) ?? [])];
}

/** The promises of a thread and of those merged into it, oldest first. */
export function mergedPromises(state: TeamState, thread: TeamThread): TeamThread['promises'] {
  return withMerged(state, thread)
    .flatMap((t) => t.promises)
    .sort((a, b) => a.uid - b.uid);
}

/** How many notes a thread shows, its merged threads' included. */
export function mergedNoteCount(state: TeamState, thread: TeamThread): number {
  return withMerged(state, thread).reduce((n, t) => n + t.notes.length, 0);
}

/** Why these conversations cannot be merged into `into`, or null. Keys are team thread keys. */
export function mergeRefusal(keys: readonly string[], into: string): string | null {
  if (keys.length === 0) return 'Choose at least one conversation to merge.';
  if (keys.includes(into)) return 'A conversation cannot be merged into itself. Choose another to keep.';
  if (new Set(keys).size !== keys.length) return 'The same conversation was chosen twice.';
  return null;
}
