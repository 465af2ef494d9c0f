/**
 * Team-wide events: saved reply templates, the team policy and teammate profiles. The later
 * event in UID order wins. The roster is the set of addresses that published a profile; it is
 * what `actorIsTeammate` is checked against.
 */
import type { TeamEventOf, TeamEventOutcome } from '../../shared/teamEvents';
import { appliedOutcome, deleteEntry, readEntry, writeEntry, type TeamState } from './state';

/** An event about the team rather than one thread. */
export type TeamWideEvent = TeamEventOf<'template.upsert' | 'template.delete' | 'policy.change' | 'profile'>;

/** True if `address` has an active profile in the log so far. */
export function isTeammate(state: TeamState, address: string): boolean {
  return readEntry(state.roster, address)?.active === true;
}

/** Applies one team-wide event (mutating state) and says what became of it. */
export function applyTeamWideEvent(
  state: TeamState,
  event: TeamWideEvent,
  uid: number,
  actorIsTeammate: boolean,
): TeamEventOutcome {
  const { actor, at } = event;
  switch (event.type) {
    case 'template.upsert': {
      const { templateId, name, subject, body } = event.payload;
      writeEntry(state.templates, templateId, {
        templateId,
        name,
        subject,
        body,
        updatedBy: actor,
        updatedAt: at,
        uid,
      });
      break;
    }
    case 'template.delete':
      if (!readEntry(state.templates, event.payload.templateId)) {
        return { status: 'ignored', reason: 'that template was already deleted' };
      }
      deleteEntry(state.templates, event.payload.templateId);
      break;
    case 'policy.change':
      state.policy = { policy: structuredClone(event.payload.policy), actor, uid, at };
      break;
    case 'profile':
      writeEntry(state.roster, actor, { address: actor, name: event.payload.name, active: event.payload.active, uid });
      break;
  }
  return appliedOutcome(actorIsTeammate);
}
