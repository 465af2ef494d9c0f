/**
 * Writing new events: the service's side of the log. The base of an ownership event must be
 * what its author has seen, including the author's own events still waiting in the pending table
 * (claim then hand off while offline: the offer's base is the claim). `draftTeamEvent` does that.
 */
import {
  TEAM_EVENT_VERSION,
  isOwnershipEventType,
  teamEventSchema,
  type TeamEvent,
  type TeamEventInput,
} from '../../shared/teamEvents';
import { readEntry, type TeamLogRecord, type TeamState } from './state';
import { findTeamThread, lookupThread } from './threads';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a person did: type, thread (null for team-wide), the Message-IDs they know, payload. */
export type TeamEventDraft = DistributiveOmit<TeamEventInput, 'v' | 'id' | 'actor' | 'at' | 'base'>;

/** Who acted and when; passed in so drafting stays pure (ids from `crypto.randomUUID()`). */
export interface EventDraftContext {
  actor: string;
  id: string;
  at: number;
  /** The author's events not yet seen in the folded log, oldest first. */
  pending?: readonly TeamEvent[];
}

/** A complete, validated event for `action` with the right `base`. Throws a ZodError if the
 *  action is invalid (the service validates input before this). */
export function draftTeamEvent(state: TeamState, action: TeamEventDraft, context: EventDraftContext): TeamEvent {
  const thread = action.thread;
  const base = thread === null ? null : baseFor(state, [thread, ...action.known], context.pending);
  return teamEventSchema.parse({
    ...action,
    v: TEAM_EVENT_VERSION,
    id: context.id,
    actor: context.actor,
    at: context.at,
    base,
  });
}

/** The `base` a new ownership event on this thread must carry: the author's latest pending
 *  ownership event on it that the log has not shown yet, else the folded thread's latest applied
 *  one, else null. */
export function baseFor(
  state: TeamState,
  threadIds: readonly string[],
  pending: readonly TeamEvent[] = [],
): string | null {
  const thread = findTeamThread(state, threadIds);
  const ids = new Set(threadIds);
  for (let i = pending.length - 1; i >= 0; i--) {
    const event = pending[i];
    if (event?.thread == null || !isOwnershipEventType(event.type)) continue;
    if (readEntry(state.outcomeIndex, event.id) !== undefined) continue; // already folded
    const sameThread = ids.has(event.thread) || (thread !== null && lookupThread(state, event.thread) === thread);
    if (sameThread) return event.id;
  }
  return thread?.lastOwnershipChange?.eventId ?? null;
}

/** The thread's activity timeline, oldest first, including events of threads merged into it. */
export function threadActivity(state: TeamState, threadIds: readonly string[]): TeamLogRecord[] {
  const thread = findTeamThread(state, threadIds);
  if (!thread) return [];
  const merged = thread.mergedFrom.flatMap((key) => readEntry(state.threads, key)?.activity ?? []);
  const indices = [...new Set([...thread.activity, ...merged])].sort((a, b) => a - b);
  return indices.flatMap((index) => state.log[index] ?? []);
}
