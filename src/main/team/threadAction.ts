/**
 * What a person asked for on a thread, as the event draft the log gets. Pure: the roster is
 * passed in, so mentions resolve the way the fold will show them.
 */
import type { ThreadAction } from '../../shared/team';
import type { Teammate } from '../../shared/teamEvents';
import type { TeamEventDraft } from './draft';

/** The event draft for a thread action, on `thread` (the team key) with the Message-IDs known. */
export function eventDraftFor(
  action: ThreadAction,
  thread: string,
  known: string[],
  mentions: string[],
): TeamEventDraft {
  const base = { thread, known };
  switch (action.type) {
    case 'claim':
    case 'release':
    case 'close':
    case 'reopen':
    case 'waiting':
      return { ...base, type: action.type, payload: {} };
    case 'accept':
      return { ...base, type: 'handoff.accept', payload: {} };
    case 'decline':
      return { ...base, type: 'handoff.decline', payload: { reason: action.reason } };
    case 'assign':
      return { ...base, type: 'assign', payload: { to: action.to } };
    case 'handoff':
      return { ...base, type: 'handoff.offer', payload: { to: action.to, message: action.message } };
    case 'note':
      return { ...base, type: 'note', payload: { text: action.text, mentions } };
    case 'snooze':
      return { ...base, type: 'snooze', payload: { until: action.until } };
  }
}

/**
 * The teammates a note mentions: `@ann@x.example`, `@ann` (the address's local part) or `@Ann`
 * (the first word of the name), matched case-insensitively against the roster.
 */
export function mentionsIn(text: string, roster: Record<string, Teammate>): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/@([\w.+-]+@[\w.-]+|[\w.-]+)/g)) {
    const token = (m[1] ?? '').toLowerCase();
    const mate = Object.values(roster).find(
      (t) => t.address === token || t.name.toLowerCase().split(/\s+/)[0] === token || t.address.split('@')[0] === token,
    );
    if (mate) out.add(mate.address);
  }
  return [...out];
}
