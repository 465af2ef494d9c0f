/**
 * Snapshots keep the team log cheap to read over years (docs/ARCHITECTURE.md, "Snapshots"): a
 * `snapshot` event carries the folded state up to a log position (`upTo`, a UID) and its hash.
 * A replica that starts with an empty state adopts it and folds only what follows; a replica
 * that has folded up to that position itself compares hashes and ignores a snapshot that does
 * not match, saying so in its diagnostics. A snapshot changes no shared state, so duplicates
 * (two teammates writing one at the same time) are harmless.
 */
import type { TeamEventOf } from '../../shared/teamEvents';
import { SNAPSHOT_STATE_LIMIT } from '../../shared/teamEvents';
import { packTeamState, teamStateHash, unpackTeamState } from './snapshotState';
import { TEAM_STATE_VERSION, type SnapshotCheck, type TeamState } from './state';

/** A snapshot is due once this many log messages followed the newest one. */
export const SNAPSHOT_EVERY = 500;

/** Unpacked states larger than this are refused (a snapshot is read before anything is verified). */
const UNPACKED_LIMIT = 16 * SNAPSHOT_STATE_LIMIT;

/** How many snapshot checks a replica keeps for its diagnostics. */
const CHECKS_KEPT = 20;

/** The payload of a snapshot of `state` as folded now, for the folder with this UIDVALIDITY. */
export function snapshotPayload(state: TeamState, uidValidity: string): TeamEventOf<'snapshot'>['payload'] {
  return { upTo: state.lastUid, uidValidity, stateVersion: TEAM_STATE_VERSION, ...packTeamState(state) };
}

/**
 * The state a snapshot carries, ready to fold what follows it (`lastUid` is its `upTo`), or why
 * it cannot be used: another state version, a position that makes no sense, or a state that is
 * damaged (its hash) or of the wrong shape.
 */
export function adoptSnapshot(
  event: TeamEventOf<'snapshot'>,
  uid: number,
): { ok: true; state: TeamState } | { ok: false; reason: string } {
  const { upTo, hash, stateVersion } = event.payload;
  if (stateVersion !== TEAM_STATE_VERSION)
    return { ok: false, reason: `written by a Promptly with team state version ${stateVersion}` };
  if (upTo >= uid) return { ok: false, reason: `it claims to cover UID ${upTo}, at or after its own UID ${uid}` };
  const unpacked = unpackTeamState(event.payload.state, hash, UNPACKED_LIMIT);
  if (!unpacked.ok) return unpacked;
  const check: SnapshotCheck = { uid, actor: event.actor, upTo, result: 'adopted', reason: `started from UID ${upTo}` };
  return { ok: true, state: { ...unpacked.shared, lastUid: upTo, snapshots: [check] } };
}

/**
 * Applies a snapshot event met in the fold at `uid`. A replica that has folded no team action
 * yet adopts it (the state returned is a new one); any other replica checks it against its own
 * state and records what it found. Never throws.
 */
export function applySnapshot(state: TeamState, event: TeamEventOf<'snapshot'>, uid: number): TeamState {
  const { upTo, hash } = event.payload;
  const check = (result: SnapshotCheck['result'], reason: string): TeamState => {
    state.snapshots = [...state.snapshots, { uid, actor: event.actor, upTo, result, reason }].slice(-CHECKS_KEPT);
    return state;
  };
  if (event.payload.stateVersion !== TEAM_STATE_VERSION)
    return check('unusable', `written by a Promptly with team state version ${event.payload.stateVersion}`);
  if (state.log.length > 0) return verify(state, check, upTo, hash);
  const adopted = adoptSnapshot(event, uid);
  if (!adopted.ok) return check('unusable', adopted.reason);
  // Anything already folded here lay at or below `upTo` and changed nothing shared (presence).
  adopted.state.lastUid = Math.max(state.lastUid, upTo);
  adopted.state.snapshots = [...state.snapshots, ...adopted.state.snapshots].slice(-CHECKS_KEPT);
  return adopted.state;
}

/** A replica that has folded events itself compares its own state with the snapshot's. */
function verify(
  state: TeamState,
  check: (result: SnapshotCheck['result'], reason: string) => TeamState,
  upTo: number,
  hash: string,
): TeamState {
  const lastRecorded = state.log.at(-1)?.uid ?? 0;
  // Only presence (which changes no shared state) may lie between its point and now, or the
  // state here is no longer the state at `upTo`.
  if (lastRecorded > upTo) return check('unchecked', `teammates' actions after UID ${upTo} were already folded here`);
  if (teamStateHash(state) === hash) return check('verified', `matches this computer's own state up to UID ${upTo}`);
  return check('mismatch', `does not match this computer's own state up to UID ${upTo}; ignored`);
}

/**
 * Whether this replica should write a snapshot now: enough log messages since the newest one,
 * and the newest message is its own. Every replica sees the same log, so normally exactly one
 * (the author of the message that crossed the line) writes; if it goes away first, whoever
 * writes next does.
 */
export function snapshotDue(input: {
  messagesSinceSnapshot: number;
  newestAuthor: string | null;
  me: string | null;
  every?: number;
}): boolean {
  const every = input.every ?? SNAPSHOT_EVERY;
  return input.me !== null && input.newestAuthor === input.me && input.messagesSinceSnapshot >= every;
}
