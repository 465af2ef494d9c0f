import type { ThreadAction } from '../../../shared/team';
import type { PromptlyService } from '../../service/service';

/** The CLI's team verbs and how many arguments (after the key) each takes. */
export const TEAM_VERBS: Record<string, { args: number; usage: string }> = {
  claim: { args: 0, usage: 'claim KEY' },
  assign: { args: 1, usage: 'assign KEY ADDRESS' },
  handoff: { args: 1, usage: 'handoff KEY ADDRESS' },
  accept: { args: 0, usage: 'accept KEY' },
  decline: { args: 0, usage: 'decline KEY' },
  release: { args: 0, usage: 'release KEY' },
  note: { args: 1, usage: 'note KEY TEXT' },
  close: { args: 0, usage: 'close KEY' },
  reopen: { args: 0, usage: 'reopen KEY' },
};

function actionFor(verb: string, rest: string[]): ThreadAction {
  switch (verb) {
    case 'assign':
      return { type: 'assign', to: rest[0] ?? '' };
    case 'handoff':
      return { type: 'handoff', to: rest[0] ?? '', message: '' };
    case 'decline':
      return { type: 'decline', reason: '' };
    case 'note':
      return { type: 'note', text: rest.join(' ') };
    default:
      return { type: verb as 'claim' | 'accept' | 'release' | 'close' | 'reopen' };
  }
}

/**
 * Runs a team verb: the action is written locally first, then a sync appends it and reads
 * the outcome back. Offline, it stays queued and the next sync sends it.
 */
export async function teamVerb(
  service: PromptlyService,
  verb: string,
  key: string,
  rest: string[],
): Promise<{ text: string; json: unknown }> {
  const thread = service.threadByIdOrKey(key).thread;
  const { eventId } = await service.call('thread.act', { id: thread.id, action: actionFor(verb, rest) });
  const conflicts: string[] = [];
  const off = service.events.on('toast', (t) => {
    if (t.kind === 'conflict') conflicts.push(t.message);
  });
  try {
    await service.syncNow();
  } catch (error) {
    return {
      text: `Queued (${(error as Error).message}). It will be sent with the next sync.`,
      json: { eventId, state: 'queued' },
    };
  } finally {
    off();
  }
  const after = service.threadByIdOrKey(String(thread.id)).thread.team;
  if (conflicts.length > 0)
    return { text: conflicts.join('\n'), json: { eventId, state: 'lost', message: conflicts[0], owner: after.owner } };
  const owner = after.owner ? `owner: ${after.ownerName ?? after.owner}` : 'owner: nobody';
  return {
    text: `${verb}: done (${owner}${after.handoffTo ? `, offered to ${after.handoffTo}` : ''}, ${after.status})`,
    json: { eventId, state: 'applied', team: after },
  };
}
