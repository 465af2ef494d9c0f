/**
 * A thread's notes and activity timeline as the thread pane shows them: the folded log in
 * people's words, then my actions the server has not confirmed yet. Pure over its inputs.
 */
import type { ActivityEntry, NoteView } from '../../shared/team';
import type { TeamEvent } from '../../shared/teamEvents';
import { threadActivity } from '../team/draft';
import { readEntry, type TeamLogRecord, type TeamState, type TeamThread } from '../team/state';
import type { PendingTeamEvent } from '../store/repos/teamPending';
import { activityWords } from './activityWords';
import type { NameOf } from './teamWords';

/** What the detail of one thread is built from. */
export interface DetailInput {
  state: TeamState;
  /** The folded team thread, if the log knows it. */
  thread: TeamThread | null;
  /** The team key and every Message-ID the local thread knows. */
  keys: string[];
  /** My pending events on this thread, oldest first. */
  pending: readonly PendingTeamEvent[];
  nameOf: NameOf;
  /** The customer by name, for "promised Ivan an answer". */
  customer: string;
  /** The subject of a message by its Message-ID, for merges and splits ("merged “A” into “B”"). */
  subjectOf?: (messageId: string) => string | null;
}

/** Notes and activity of a thread, with my pending actions at the end. */
export function threadDetail(input: DetailInput): { notes: NoteView[]; activity: ActivityEntry[] } {
  const { state, thread, nameOf } = input;
  const family = [thread, ...(thread?.mergedFrom ?? []).map((k) => readEntry(state.threads, k) ?? null)];
  const notes: NoteView[] = family.flatMap((t) =>
    (t?.notes ?? []).map((n) => ({
      at: n.at,
      actor: n.actor,
      actorName: nameOf(n.actor) + (n.actorIsTeammate ? '' : ' (not a teammate)'),
      text: n.text,
      mentions: n.mentions,
      pending: false,
    })),
  );
  const activity = loggedActivity(input, family);
  for (const p of input.pending) {
    activity.push(pendingActivity(p.event, input));
    if (p.event.type === 'note')
      notes.push({
        at: p.event.at,
        actor: p.event.actor,
        actorName: nameOf(p.event.actor),
        text: p.event.payload.text,
        mentions: p.event.payload.mentions,
        pending: true,
      });
  }
  notes.sort((a, b) => a.at - b.at);
  return { notes, activity };
}

function loggedActivity(input: DetailInput, family: Array<TeamThread | null>): ActivityEntry[] {
  const { state, nameOf, customer } = input;
  const promiseDue = new Map(family.flatMap((t) => (t?.promises ?? []).map((p) => [p.uid, p.due] as const)));
  return threadActivity(state, input.keys)
    .filter((r) => r.outcome.status !== 'ignored' && r.type !== null)
    .map((r) => {
      const words = activityWords(r.type ?? '', {
        who: nameOf(r.actor ?? ''),
        to: r.target ? nameOf(r.target) : '',
        customer,
        at: r.type === 'promise' ? (promiseDue.get(r.uid) ?? null) : null,
        ...movedSubjects(r, input.subjectOf),
      });
      const stranger = r.outcome.status !== 'ignored' && !r.outcome.actorIsTeammate;
      return {
        ...words,
        at: r.at ?? 0,
        actor: r.actor ?? '',
        text: words.text + (stranger ? ' (not a teammate)' : ''),
        outcome: r.outcome.status === 'lost' ? 'lost' : 'applied',
      };
    });
}

/** The subjects a merge or split names; a conversation not synced here is "a conversation". */
function movedSubjects(
  r: Pick<TeamLogRecord, 'type' | 'thread' | 'target'>,
  subjectOf: DetailInput['subjectOf'],
): { moved?: { from: string; into: string } } {
  if ((r.type !== 'merge' && r.type !== 'split') || !r.thread || !r.target || !subjectOf) return {};
  const subject = (key: string) => subjectOf(key) ?? 'a conversation';
  return { moved: { from: subject(r.thread), into: subject(r.target) } };
}

function pendingActivity(event: TeamEvent, { nameOf, customer, subjectOf }: DetailInput): ActivityEntry {
  const to = 'to' in event.payload && typeof event.payload.to === 'string' ? nameOf(event.payload.to) : '';
  const target = event.type === 'merge' ? event.payload.into : event.type === 'split' ? event.payload.newThread : null;
  const moved = movedSubjects({ type: event.type, thread: event.thread, target }, subjectOf);
  return {
    ...activityWords(event.type, { who: nameOf(event.actor), to, customer, at: pendingDate(event), ...moved }),
    at: event.at,
    actor: event.actor,
    outcome: 'pending',
  };
}

/** The date a queued event names: a promise's due time or a snooze's end. */
function pendingDate(event: TeamEvent): number | null {
  if (event.type === 'promise') return event.payload.due;
  if (event.type === 'snooze') return event.payload.until;
  return null;
}
