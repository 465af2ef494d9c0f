/**
 * Ownership changes: claim, assign, handoff offer/accept/decline, release.
 *
 * Optimistic concurrency over the server's UID order (docs/ARCHITECTURE.md, "Conflicts are
 * optimistic"): an ownership event carries `base`, the id of the thread's latest applied
 * ownership event its author had seen (null if none). It applies only if that is still the
 * thread's latest one; otherwise it is `lost` to whoever changed ownership in between. Only
 * applied ownership events move the base: notes, status, snoozes, promises and lost or ignored
 * events never do, so a note written meanwhile cannot make a claim fail.
 *
 * A handoff leaves the thread with the giver until the target accepts (docs/PRODUCT.md, principle 1).
 */
import type { OwnershipEventType, TeamEventOf, TeamEventOutcome, ThreadTeamEvent } from '../../shared/teamEvents';
import { appliedOutcome, type OwnershipChange, type TeamThread } from './state';

/** An event that changes ownership. */
export type OwnershipEvent = TeamEventOf<OwnershipEventType>;

/** Applies one ownership event to `thread` (mutating it) and says what became of it. */
export function applyOwnershipEvent(
  thread: TeamThread,
  event: OwnershipEvent,
  uid: number,
  actorIsTeammate: boolean,
): TeamEventOutcome {
  const current = thread.lastOwnershipChange;
  if (event.base !== (current?.eventId ?? null)) {
    if (current === null)
      return { status: 'ignored', reason: 'its base is an ownership change this log does not have' };
    return lost(thread, current, actorIsTeammate, conflictMessage(thread, current));
  }
  const refusal = refusalFor(thread, event);
  if (refusal !== null) {
    if (refusal.lostTo && current) return lost(thread, current, actorIsTeammate, refusal.reason);
    return { status: 'ignored', reason: refusal.reason };
  }
  changeOwnership(thread, event, uid);
  thread.lastOwnershipChange = {
    eventId: event.id,
    uid,
    type: event.type,
    actor: event.actor,
    target: ownershipTarget(event),
    at: event.at,
  };
  return appliedOutcome(actorIsTeammate);
}

/** The assignee or handoff target of an event, where there is one. */
export function ownershipTarget(event: ThreadTeamEvent): string | null {
  if (event.type === 'assign' || event.type === 'handoff.offer') return event.payload.to;
  return null;
}

interface Refusal {
  reason: string;
  /** True when someone else's earlier change is the reason: reported as `lost` to them. */
  lostTo: boolean;
}

/** Why an event with a current base still cannot apply, or null if it can. */
function refusalFor(thread: TeamThread, event: OwnershipEvent): Refusal | null {
  const { owner, pendingHandoff: pending } = thread;
  switch (event.type) {
    case 'claim':
      return owner !== null && owner !== event.actor
        ? { reason: `${owner} owns this thread; ask them to hand it off`, lostTo: true }
        : null;
    case 'assign':
      return null;
    case 'handoff.offer':
      if (owner !== event.actor) return { reason: onlyTheOwner(owner, 'hand it off'), lostTo: false };
      return event.payload.to === event.actor ? { reason: 'a handoff needs another teammate', lostTo: false } : null;
    case 'handoff.accept':
      if (pending === null) return { reason: 'no handoff is pending on this thread', lostTo: false };
      return pending.to !== event.actor
        ? { reason: `only ${pending.to} can accept this handoff`, lostTo: false }
        : null;
    case 'handoff.decline':
      if (pending === null) return { reason: 'no handoff is pending on this thread', lostTo: false };
      return event.actor !== pending.to && event.actor !== pending.from
        ? { reason: `only ${pending.to} can decline this handoff`, lostTo: false }
        : null;
    case 'release':
      return owner !== event.actor ? { reason: onlyTheOwner(owner, 'release it'), lostTo: false } : null;
  }
}

function onlyTheOwner(owner: string | null, action: string): string {
  return owner === null ? `nobody owns this thread, so nobody can ${action}` : `only ${owner} can ${action}`;
}

/** Who owns a thread and who is offered it; what a list row shows of ownership. */
export interface Ownership {
  owner: string | null;
  handoffTo: string | null;
}

/**
 * The ownership an event leaves behind once it applies. The one statement of these
 * transitions: the fold uses it, and so does the overlay that shows a person's own pending
 * events before the log confirms them (service/teamOverlay.ts).
 */
export function ownershipAfter(before: Ownership, event: OwnershipEvent): Ownership {
  switch (event.type) {
    case 'claim':
    case 'handoff.accept':
      return { owner: event.actor, handoffTo: null };
    case 'assign':
      return { owner: event.payload.to, handoffTo: null };
    case 'handoff.offer':
      return { owner: before.owner, handoffTo: event.payload.to };
    case 'handoff.decline':
      return { owner: before.owner, handoffTo: null };
    case 'release':
      return { owner: null, handoffTo: null };
  }
}

/** Sets owner and pending handoff for an event that passed every check. */
function changeOwnership(thread: TeamThread, event: OwnershipEvent, uid: number): void {
  const next = ownershipAfter({ owner: thread.owner, handoffTo: thread.pendingHandoff?.to ?? null }, event);
  thread.owner = next.owner;
  thread.pendingHandoff =
    event.type === 'handoff.offer'
      ? { from: event.actor, to: event.payload.to, uid, eventId: event.id, message: event.payload.message }
      : null;
}

function lost(
  thread: TeamThread,
  winner: OwnershipChange,
  actorIsTeammate: boolean,
  message: string,
): TeamEventOutcome {
  return {
    status: 'lost',
    actorIsTeammate,
    winner: winner.actor,
    winnerUid: winner.uid,
    winnerAt: winner.at,
    winnerType: winner.type,
    ownerNow: thread.owner,
    message,
  };
}

/** "bob@x claimed this first", plus who owns it now when that is someone else. */
function conflictMessage(thread: TeamThread, winner: OwnershipChange): string {
  const first = `${describeChange(winner)} first`;
  return thread.owner === winner.actor ? first : `${first}; ${thread.owner ?? 'nobody'} owns it now`;
}

/** "bob@x claimed this", "carol@x assigned this to bob@x" ... for conflict messages. */
export function describeChange(change: OwnershipChange): string {
  const who = change.actor;
  switch (change.type) {
    case 'claim':
      return `${who} claimed this`;
    case 'assign':
      return `${who} assigned this to ${change.target ?? 'someone'}`;
    case 'handoff.offer':
      return `${who} offered this to ${change.target ?? 'someone'}`;
    case 'handoff.accept':
      return `${who} accepted the handoff`;
    case 'handoff.decline':
      return `${who} declined the handoff`;
    case 'release':
      return `${who} released this`;
  }
}
