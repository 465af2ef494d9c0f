/**
 * The demo's team log folder lives in the local store: my queued actions are "appended" by
 * giving them the log's next UIDs, as APPENDUID would (docs/ARCHITECTURE.md, "Team state"),
 * and the engine folds them like any synced entry. One replica, so its order is the order taken.
 */
import type { Db } from '../store/db';
import type { TeamLogEntry } from '../../shared/teamEvents';
import { lastTeamLogUid, saveTeamLogEntries } from '../store/repos/teamLog';
import { listPendingTeamEvents, markPendingTeamEvent } from '../store/repos/teamPending';

/** What a log sync brings: the new entries, in UID order (never a reset here). */
export interface LocalLogSync {
  entries: TeamLogEntry[];
  reset: false;
}

/** Appends every queued action to the demo's log; returns what a log sync would have brought. */
export function appendPendingLocally(db: Db, accountId: number): LocalLogSync {
  return db.transaction((): LocalLogSync => {
    let uid = lastTeamLogUid(db, accountId);
    const entries: TeamLogEntry[] = [];
    for (const pending of listPendingTeamEvents(db, accountId)) {
      if (pending.state === 'appended') continue;
      uid += 1;
      entries.push({ uid, event: pending.event });
      markPendingTeamEvent(db, pending.id, 'appended', uid, null);
    }
    saveTeamLogEntries(db, accountId, entries);
    return { entries, reset: false };
  })();
}
