import { randomUUID } from 'node:crypto';
import type { Template } from '../../../shared/outbox';
import { teamTemplates } from '../../outbox/templates';
import type { TeamEngine } from '../team';
import { AppError } from '../../appError';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function listOf(team: TeamEngine): Template[] {
  return teamTemplates(team.templates());
}

/** The saved reply with this id, or an error that says how to find one. */
function existing(list: readonly Template[], id: string): Template {
  const found = list.find((t) => t.id === id);
  if (!found) throw new AppError('not-found', 'That saved reply no longer exists; a teammate may have deleted it.');
  return found;
}

/**
 * Saving and deleting the team's saved replies: each change is one team-log event
 * (`template.upsert`, `template.delete`) with who made it and when, queued here and appended
 * on the next sync, so every teammate's list follows. Editing the built-in courtesy reply
 * saves the team's own copy under the same name, which then replaces it.
 */
export const templateHandlers = (core: ServiceCore) =>
  ({
    'templates.save': async ({ id, name, subject, body }) => {
      const team = core.requireTeam();
      const list = listOf(team);
      const current = id === null ? null : existing(list, id);
      const clash = list.find((t) => !t.builtIn && t.id !== id && t.name.toLowerCase() === name.toLowerCase());
      if (clash)
        throw new AppError(
          'invalid-arguments',
          `There is already a saved reply named “${clash.name}”. Pick another name.`,
          {
            name: 'already used',
          },
        );
      const templateId = current && UUID.test(current.id) ? current.id : randomUUID();
      team.shareWithTeam({
        type: 'template.upsert',
        thread: null,
        known: [],
        payload: { templateId, name, subject: subject || null, body },
      });
      core.ring();
      return existing(listOf(team), templateId);
    },
    'templates.delete': async ({ id }) => {
      const team = core.requireTeam();
      const gone = existing(listOf(team), id);
      if (gone.builtIn)
        throw new AppError(
          'invalid-arguments',
          'The built-in courtesy reply cannot be deleted; edit its text instead.',
        );
      team.shareWithTeam({
        type: 'template.delete',
        thread: null,
        known: [],
        payload: { templateId: id, name: gone.name },
      });
      core.ring();
      return gone;
    },
  }) satisfies Partial<Handlers>;
