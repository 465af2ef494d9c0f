/**
 * The team fold: events in the log folder's UID order → owners, notes, statuses, promises,
 * snoozes, templates, roster, policy, and the outcome of every event.
 *
 * UIDs only grow within a mailbox (RFC 9051 §2.3.1.1: each new message gets a higher UID than
 * any before it), so the UID order is one total order every replica sees the same way and the
 * fold is deterministic. `applyEvent` costs O(1) in the log's length: a few record look-ups and
 * appends, never a rescan. It mutates the state it is given (copying a 100k-entry state per event
 * would not be O(1)); keep a snapshot with `structuredClone` or JSON if you need the old one.
 */
import {
  isOwnershipEventType,
  parseTeamEvent,
  type TeamEvent,
  type TeamEventOutcome,
  type TeamLogEntry,
} from '../../shared/teamEvents';
import { adoptSnapshot, applySnapshot } from './snapshot';
import { applyOwnershipEvent, ownershipTarget, type OwnershipEvent } from './ownership';
import { emptyTeamState, readEntry, writeEntry, type TeamLogRecord, type TeamState } from './state';
import { applyTeamWideEvent, isTeammate, type TeamWideEvent } from './teamWide';
import { applyThreadEvent, type CommutativeThreadEvent } from './threadEvents';
import { attachThread, threadForEvent } from './threads';

const MAX_UID = 4_294_967_295;

/** Folds log entries into `state` (a fresh one by default) in UID order. Entries at or below the
 *  state's `lastUid` are skipped, so re-folding the same entries is a no-op. */
export function fold(entries: readonly TeamLogEntry[], state: TeamState = emptyTeamState()): TeamState {
  const ordered = isSortedByUid(entries) ? entries : [...entries].sort((a, b) => a.uid - b.uid);
  return ordered.reduce(applyEvent, state);
}

function isSortedByUid(entries: readonly TeamLogEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if ((entries[i]?.uid ?? 0) < (entries[i - 1]?.uid ?? 0)) return false;
  return true;
}

/**
 * Folds stored entries, starting from the snapshot at UID `base` when this replica started from
 * one (it never fetched what the snapshot covers). Falls back to folding everything if that
 * snapshot cannot be used, which is right when nothing was skipped and incomplete otherwise, so
 * the log folder code only records a base it has checked with `adoptSnapshot`.
 */
export function foldStored(entries: readonly TeamLogEntry[], base: number | null): TeamState {
  const snapshot = base === null ? undefined : entries.find((entry) => entry.uid === base);
  const parsed = snapshot === undefined ? null : parseTeamEvent(snapshot.event);
  if (parsed?.ok && parsed.event.type === 'snapshot') {
    const adopted = adoptSnapshot(parsed.event, base ?? 0);
    if (adopted.ok) return fold(entries, adopted.state);
  }
  return fold(entries);
}

/** Applies the next log entry to `state` (mutating and returning it; a snapshot adopted by a
 *  replica with no actions folded yet returns a new state, so always use the result). Never throws
 *  on bad input: garbage is recorded as ignored. A UID that is not above `lastUid` (already
 *  applied, or invalid) leaves the state untouched. Presence and snapshots leave no record. */
export function applyEvent(state: TeamState, entry: TeamLogEntry): TeamState {
  const { uid } = entry;
  if (!Number.isInteger(uid) || uid <= state.lastUid || uid > MAX_UID) return state;
  state.lastUid = uid;
  if (entry.problem !== undefined) return record(state, ignored(uid, `undecodable: ${entry.problem}`));
  const parsed = parseTeamEvent(entry.event);
  if (!parsed.ok) {
    const reason = parsed.kind === 'unsupported' ? `skipped: ${parsed.reason}` : `malformed: ${parsed.reason}`;
    return record(state, ignored(uid, reason));
  }
  const event = parsed.event;
  // Log upkeep changes no shared state and leaves no record, so expunging it changes nothing.
  if (event.type === 'presence') return state;
  if (event.type === 'snapshot') return applySnapshot(state, event, uid);
  const earlier = readEntry(state.outcomeIndex, event.id);
  if (earlier !== undefined) {
    const first = state.log[earlier]?.uid ?? 0;
    return record(state, describe(event, uid, null, { status: 'ignored', reason: `duplicate of UID ${first}` }));
  }
  writeEntry(state.outcomeIndex, event.id, state.log.length);
  return applyValidEvent(state, event, uid);
}

/** What became of the event with this id, with its UID and thread; null if the log has not shown
 *  it yet (still pending, or not synced back). */
export function outcomeFor(state: TeamState, eventId: string): TeamLogRecord | null {
  const index = readEntry(state.outcomeIndex, eventId);
  return index === undefined ? null : (state.log[index] ?? null);
}

function applyValidEvent(state: TeamState, event: TeamEvent, uid: number): TeamState {
  const actorIsTeammate = event.type === 'profile' || isTeammate(state, event.actor);
  if (event.thread === null) {
    const outcome = applyTeamWideEvent(state, event as TeamWideEvent, uid, actorIsTeammate);
    return record(state, describe(event, uid, null, outcome));
  }
  const thread = threadForEvent(state, event.thread, event.known);
  const outcome: TeamEventOutcome = isOwnershipEventType(event.type)
    ? applyOwnershipEvent(thread, event as OwnershipEvent, uid, actorIsTeammate)
    : applyThreadEvent(state, thread, event as CommutativeThreadEvent, uid, actorIsTeammate);
  const index = state.log.length;
  record(state, describe(event, uid, thread.key, outcome));
  if (outcome.status !== 'applied') return state;
  attachThread(state, thread, event.thread, event.known);
  thread.activity.push(index);
  if (event.type === 'merge' || event.type === 'split') {
    state.threadFixes.push(index);
    const other = readEntry(
      state.threads,
      event.type === 'merge' ? (thread.mergedInto ?? '') : event.payload.newThread,
    );
    other?.activity.push(index);
  }
  return state;
}

function describe(event: TeamEvent, uid: number, thread: string | null, outcome: TeamEventOutcome): TeamLogRecord {
  const target =
    event.type === 'merge'
      ? event.payload.into
      : event.type === 'split'
        ? event.payload.newThread
        : event.thread === null
          ? null
          : ownershipTarget(event);
  return { uid, eventId: event.id, type: event.type, actor: event.actor, thread, at: event.at, target, outcome };
}

function ignored(uid: number, reason: string): TeamLogRecord {
  const outcome: TeamEventOutcome = { status: 'ignored', reason };
  return { uid, eventId: null, type: null, actor: null, thread: null, at: null, target: null, outcome };
}

function record(state: TeamState, entry: TeamLogRecord): TeamState {
  state.log.push(entry);
  return state;
}
