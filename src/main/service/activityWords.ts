/**
 * A thread's activity in people's words: names instead of addresses, the subject's customer
 * instead of thread keys, and dates left to the reader's locale (PRODUCT.md, "Say–do gap").
 */
import type { ActivityEntry } from '../../shared/team';
import type { PromiseOutcome } from '../policy/metrics';

/** What the words of one event need to know beyond its type. */
export interface ActivityFacts {
  who: string;
  /** The teammate an assignment or offer names. */
  to: string;
  /** The customer of the thread, by name. */
  customer: string;
  /** A promise's date, or a snooze's end. */
  at: number | null;
  /** Merge and split: the subjects of the conversation taken out and of the one it went to. */
  moved?: { from: string; into: string };
}

/** One event's words and the date it names. */
export function activityWords(type: string, f: ActivityFacts): Pick<ActivityEntry, 'text' | 'when' | 'promise'> {
  const customer = f.customer || 'the customer';
  if (type === 'promise')
    return {
      text: `${f.who} promised ${customer} an answer`,
      ...(f.at !== null ? { when: { word: 'by', at: f.at } } : {}),
      promise: 'made',
    };
  if (type === 'snooze')
    return f.at !== null
      ? { text: `${f.who} snoozed it`, when: { word: 'until', at: f.at } }
      : { text: `${f.who} snoozed it` };
  const texts: Record<string, string> = {
    claim: `${f.who} claimed it`,
    assign: `${f.who} assigned it to ${f.to}`,
    'handoff.offer': `${f.who} offered it to ${f.to}`,
    'handoff.accept': `${f.who} accepted the handoff`,
    'handoff.decline': `${f.who} declined the handoff`,
    release: `${f.who} released it`,
    note: `${f.who} added a note`,
    close: `${f.who} closed it`,
    reopen: `${f.who} reopened it`,
    waiting: `${f.who} marked it waiting on ${customer}`,
    split: f.moved ? `${f.who} split “${f.moved.into}” off “${f.moved.from}”` : `${f.who} split the conversation`,
    merge: f.moved ? `${f.who} merged “${f.moved.from}” into “${f.moved.into}”` : `${f.who} merged conversations`,
  };
  return { text: texts[type] ?? `${f.who} changed it` };
}

/**
 * How each promise ended, as timeline entries (docs/PRODUCT.md principle 3: only the team's
 * answer or a close keeps a promise; a customer writing again starts a new clock instead).
 * Kept when the team answered or closed in time; broken once its date passed without that,
 * and still broken when the answer came late (the timeline then says it came late).
 */
export function promiseOutcomeEntries(
  promises: readonly PromiseOutcome[],
  customer: string,
  now: number,
): ActivityEntry[] {
  const who = customer || 'the customer';
  return promises.flatMap((p): ActivityEntry[] => {
    if (p.by === 'superseded') return [];
    const endedAt = p.by === 'reply' || p.by === 'close' ? p.endedAt : null;
    const how = p.by === 'close' ? 'was answered and the conversation closed' : 'got the answer';
    if (endedAt !== null && endedAt <= p.promisedAt)
      return [
        { at: endedAt, actor: '', text: `Promise kept: ${who} ${how} in time`, outcome: 'applied', promise: 'kept' },
      ];
    if (endedAt !== null)
      return [
        {
          at: endedAt,
          actor: '',
          text: `Promise broken: ${who} ${how} late; it was promised`,
          when: { word: 'by', at: p.promisedAt },
          outcome: 'applied',
          promise: 'broken',
        },
      ];
    if (now > p.promisedAt)
      return [
        {
          at: p.promisedAt,
          actor: '',
          text: `Promise broken: ${who} had no answer`,
          when: { word: 'by', at: p.promisedAt },
          outcome: 'applied',
          promise: 'broken',
        },
      ];
    return [];
  });
}
