/** Test helpers for team events: deterministic ids and a log that assigns UIDs like a server. */
import { applyEvent, outcomeFor } from '../../../src/main/team/fold';
import { emptyTeamState, type TeamState } from '../../../src/main/team/state';
import type { TeamEventInput, TeamEventOutcome, TeamEventType } from '../../../src/shared/teamEvents';

/** A valid, lower-case UUID made from a number, so tests read well and never collide. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

let nextId = 1;

/** Options for one test event; anything left out gets a sensible default. */
export interface EventFields {
  actor: string;
  thread?: string | null;
  base?: string | null;
  payload?: Record<string, unknown>;
  id?: string;
  at?: number;
  known?: string[];
}

/** Builds a team event input (unvalidated, as it would arrive from JSON). */
export function teamEvent(type: TeamEventType, fields: EventFields): TeamEventInput & { id: string } {
  const teamWide = type.startsWith('template.') || type === 'policy.change' || type === 'profile';
  return {
    v: 1,
    id: fields.id ?? testId(nextId++),
    type,
    thread: fields.thread === undefined ? (teamWide ? null : 'order-1042@shop.example') : fields.thread,
    actor: fields.actor,
    base: fields.base ?? null,
    at: fields.at ?? 1_760_000_000_000 + nextId,
    known: fields.known ?? [],
    payload: fields.payload ?? {},
  } as TeamEventInput & { id: string };
}

/** A log folder in memory: each append gets the next UID and is folded at once. */
export function testLog(state: TeamState = emptyTeamState()) {
  let uid = 0;
  return {
    state,
    /** Appends and returns the event's outcome and UID. */
    append(event: TeamEventInput & { id: string }): { outcome: TeamEventOutcome; uid: number; id: string } {
      uid += 1;
      applyEvent(state, { uid, event });
      const outcome = outcomeFor(state, event.id)?.outcome ?? { status: 'ignored', reason: 'not indexed' };
      return { outcome, uid, id: event.id };
    },
  };
}
