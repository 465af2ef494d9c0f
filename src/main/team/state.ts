/**
 * The folded team state: plain JSON (no Maps, no classes), so it can be persisted as a snapshot
 * and resumed with `applyEvent`. Records are keyed by strings that come from the log, so reads and
 * writes go through `readEntry`/`writeEntry`, which are safe for keys like `__proto__`.
 */
import type {
  OwnershipEventType,
  PendingHandoff,
  SavedReplyTemplate,
  TeamEventOutcome,
  TeamEventType,
  TeamNote,
  TeamPromise,
  TeamSnooze,
  Teammate,
  ThreadStatus,
} from '../../shared/teamEvents';

/** Bumped whenever the fold's rules or this shape change: a snapshot of another version is refolded. */
export const TEAM_STATE_VERSION = 2;

/** The latest applied ownership event of a thread; its `eventId` is the `base` new events must carry. */
export interface OwnershipChange {
  eventId: string;
  uid: number;
  type: OwnershipEventType;
  actor: string;
  /** The assignee or handoff target, where there is one. */
  target: string | null;
  at: number;
}

/** One conversation's shared state. */
export interface TeamThread {
  key: string;
  owner: string | null;
  pendingHandoff: PendingHandoff | null;
  lastOwnershipChange: OwnershipChange | null;
  status: ThreadStatus;
  snooze: TeamSnooze | null;
  notes: TeamNote[];
  promises: TeamPromise[];
  /** Indices into `TeamState.log` of the events applied to this thread, oldest first. */
  activity: number[];
  /** Set when the thread was merged into another; events for it then go to that thread. */
  mergedInto: string | null;
  mergedFrom: string[];
  /** Set when the thread was split off another. */
  splitFrom: string | null;
}

/** One log entry as the fold saw it, in UID order. The payload lives in the thread state. */
export interface TeamLogRecord {
  uid: number;
  eventId: string | null;
  type: TeamEventType | null;
  actor: string | null;
  /** The thread the event was applied to (after alias resolution), or null. */
  thread: string | null;
  at: number | null;
  /** The assignee or handoff target; for a merge the conversation merged into, for a split the new one. */
  target: string | null;
  outcome: TeamEventOutcome;
}

/** The team's latest policy. Opaque JSON until the policy schema lands. */
export interface TeamPolicyState {
  policy: Record<string, unknown>;
  actor: string;
  uid: number;
  at: number;
}

/** Everything the fold knows. `lastUid` is the high-water mark: entries at or below it are skipped. */
export interface TeamState {
  version: typeof TEAM_STATE_VERSION;
  lastUid: number;
  log: TeamLogRecord[];
  /** Event id to index in `log`, for valid events only (the first occurrence of an id). */
  outcomeIndex: Record<string, number>;
  threads: Record<string, TeamThread>;
  /** Message-ID or older key to the thread it belongs to, learned from `known` and splits. */
  threadAliases: Record<string, string>;
  templates: Record<string, SavedReplyTemplate>;
  roster: Record<string, Teammate>;
  policy: TeamPolicyState | null;
  /** Indices into `log` of applied split and merge events, for the local threading to replay. */
  threadFixes: number[];
  /** What this replica made of the snapshots it met (diagnostics; not part of the shared state). */
  snapshots: SnapshotCheck[];
}

/** What a replica made of one snapshot event. */
export interface SnapshotCheck {
  uid: number;
  actor: string;
  upTo: number;
  /** adopted: started from it; verified: it matched this replica's own fold; mismatch: it did not
   *  (ignored); unchecked: teammates' actions landed between its point and it; unusable: damaged or
   *  from another version (ignored). */
  result: 'adopted' | 'verified' | 'mismatch' | 'unchecked' | 'unusable';
  reason: string;
}

/** A fresh state for a log nobody has written to yet. */
export function emptyTeamState(): TeamState {
  return {
    version: TEAM_STATE_VERSION,
    lastUid: 0,
    log: [],
    outcomeIndex: {},
    threads: {},
    threadAliases: {},
    templates: {},
    roster: {},
    policy: null,
    threadFixes: [],
    snapshots: [],
  };
}

/** A new, unowned, open thread. */
export function newTeamThread(key: string): TeamThread {
  return {
    key,
    owner: null,
    pendingHandoff: null,
    lastOwnershipChange: null,
    status: 'open',
    snooze: null,
    notes: [],
    promises: [],
    activity: [],
    mergedInto: null,
    mergedFrom: [],
    splitFrom: null,
  };
}

/** Reads an own property only, so `constructor` or `__proto__` never resolve to Object.prototype. */
export function readEntry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Writes an own, enumerable property, even for the key `__proto__`. */
export function writeEntry<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

/** Deletes an own property. */
export function deleteEntry<T>(record: Record<string, T>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}

const APPLIED_BY_TEAMMATE: TeamEventOutcome = Object.freeze({ status: 'applied', actorIsTeammate: true });
const APPLIED_BY_OTHER: TeamEventOutcome = Object.freeze({ status: 'applied', actorIsTeammate: false });

/** The `applied` outcome. Shared frozen objects: most of a 100k log is applied events, and one
 *  object each would only feed the garbage collector. */
export function appliedOutcome(actorIsTeammate: boolean): TeamEventOutcome {
  return actorIsTeammate ? APPLIED_BY_TEAMMATE : APPLIED_BY_OTHER;
}
