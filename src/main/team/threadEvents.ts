/**
 * Thread events that always apply, whatever their `base`: notes, status (close, reopen,
 * waiting), snooze, promise, split and merge. Where two of them disagree (a close and a reopen
 * written at the same time), the later one in UID order wins, the same on every replica. They
 * never move the thread's ownership base.
 */
import type { TeamEventOf, TeamEventOutcome } from '../../shared/teamEvents';
import { appliedOutcome, type TeamState, type TeamThread } from './state';
import { mergeThread, splitThread } from './threads';

/** A thread event that is not an ownership change. */
export type CommutativeThreadEvent = TeamEventOf<
  'note' | 'close' | 'reopen' | 'waiting' | 'snooze' | 'promise' | 'split' | 'merge'
>;

/** Applies one commutative event to `thread` (mutating state) and says what became of it. */
export function applyThreadEvent(
  state: TeamState,
  thread: TeamThread,
  event: CommutativeThreadEvent,
  uid: number,
  actorIsTeammate: boolean,
): TeamEventOutcome {
  const problem = applyToThread(state, thread, event, uid, actorIsTeammate);
  return problem === null ? appliedOutcome(actorIsTeammate) : { status: 'ignored', reason: problem };
}

function applyToThread(
  state: TeamState,
  thread: TeamThread,
  event: CommutativeThreadEvent,
  uid: number,
  actorIsTeammate: boolean,
): string | null {
  const { actor, at, id: eventId } = event;
  switch (event.type) {
    case 'note':
      thread.notes.push({ uid, eventId, actor, actorIsTeammate, at, ...event.payload });
      return null;
    case 'close':
      thread.status = 'closed';
      thread.snooze = null;
      return null;
    case 'reopen':
      thread.status = 'open';
      return null;
    case 'waiting':
      thread.status = 'waiting';
      return null;
    case 'snooze':
      thread.snooze = event.payload.until === null ? null : { until: event.payload.until, actor, uid };
      return null;
    case 'promise':
      thread.promises.push({ uid, eventId, actor, at, ...event.payload });
      return null;
    case 'split':
      return splitThread(state, thread, event);
    case 'merge':
      return mergeThread(state, thread, event);
  }
}
