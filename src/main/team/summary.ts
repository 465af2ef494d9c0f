/**
 * Human-readable text for an event: the subject and body a person sees when they open the team
 * log folder in Thunderbird or webmail, e.g. alice@acme.example claimed “Order 1042 missing”.
 */
import type { TeamEvent } from '../../shared/teamEvents';

/** What the event's author knows that the event itself does not carry. */
export interface TeamEventContext {
  /** The subject of the thread, for people; falls back to the thread key. */
  threadSubject?: string | null;
  /** The actor's display name, for the From header. */
  actorName?: string | null;
}

/** One line saying what happened, plus detail lines (note text, dates, messages). */
export interface TeamEventSummary {
  headline: string;
  details: string[];
}

const NOTE_EXCERPT = 1_000;

/** Summarizes an event for people. Dates are in UTC: the log has no time zone of its own. */
export function summarizeTeamEvent(event: TeamEvent, context: TeamEventContext = {}): TeamEventSummary {
  const who = event.actor;
  const subject = event.thread === null ? '' : `“${oneLine(context.threadSubject?.trim() || event.thread)}”`;
  switch (event.type) {
    case 'claim':
      return line(`${who} claimed ${subject}`);
    case 'assign':
      return line(`${who} assigned ${subject} to ${event.payload.to}`);
    case 'handoff.offer':
      return line(
        `${who} offered ${subject} to ${event.payload.to}`,
        `${who} keeps it until ${event.payload.to} accepts.`,
        event.payload.message,
      );
    case 'handoff.accept':
      return line(`${who} accepted the handoff of ${subject}`);
    case 'handoff.decline':
      return line(`${who} declined the handoff of ${subject}`, event.payload.reason);
    case 'release':
      return line(`${who} released ${subject}`, 'Nobody owns it now.');
    case 'note':
      return line(`${who} added a note to ${subject}`, ...noteDetails(event.payload.text, event.payload.mentions));
    case 'close':
      return line(`${who} closed ${subject}`);
    case 'reopen':
      return line(`${who} reopened ${subject}`);
    case 'waiting':
      return line(`${who} marked ${subject} as waiting on the customer`);
    case 'snooze':
      return event.payload.until === null
        ? line(`${who} ended the snooze of ${subject}`)
        : line(`${who} snoozed ${subject} until ${utc(event.payload.until)}`);
    case 'promise':
      return line(`${who} promised a reply on ${subject} by ${utc(event.payload.due)}`, event.payload.text);
    case 'split':
      return line(`${who} split ${event.payload.messageIds.length} message(s) of ${subject} into a new conversation`);
    case 'merge':
      return line(`${who} merged ${subject} into conversation ${event.payload.into}`);
    case 'template.upsert':
      return line(`${who} saved the reply template “${oneLine(event.payload.name)}”`);
    case 'template.delete':
      return line(`${who} deleted the reply template “${oneLine(event.payload.name || event.payload.templateId)}”`);
    case 'policy.change':
      return line(`${who} changed the team policy`);
    case 'profile':
      return event.payload.active
        ? line(`${who} joined the team as “${oneLine(event.payload.name)}”`)
        : line(`${who} left the team`);
    case 'presence':
      return event.payload.state === 'replying'
        ? line(`${who} is replying to ${subject}`, 'Teammates see this for two minutes after the last such message.')
        : line(`${who} stopped replying to ${subject}`);
    case 'snapshot':
      return line(
        `${who} saved the team's state up to here`,
        'A new teammate starts reading the log from the newest of these instead of the first message.',
      );
  }
}

function line(headline: string, ...details: string[]): TeamEventSummary {
  return { headline, details: details.filter((detail) => detail.trim() !== '') };
}

function noteDetails(text: string, mentions: readonly string[]): string[] {
  const excerpt = text.length > NOTE_EXCERPT ? `${text.slice(0, NOTE_EXCERPT)}…` : text;
  return [excerpt, mentions.length > 0 ? `Mentions: ${mentions.join(', ')}` : ''];
}

/** Collapses control characters and line breaks, for subjects and header-bound text. */
export function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

/** "2026-03-04 09:30 UTC". */
export function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
