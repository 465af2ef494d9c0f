/**
 * Reading a team log message back into an event. Anyone who can write to the mailbox can put
 * anything in the folder, so this never throws: it answers `{ok: false, reason}` for anything
 * it cannot use. The message arrives already read (MIME is parsed in mail/teamLogMessage.ts);
 * this checks what it says.
 */
import { parseTeamEvent, type TeamEvent } from '../../shared/teamEvents';
import {
  SNAPSHOT_MESSAGE_LIMIT,
  TEAM_EVENT_MESSAGE_LIMIT,
  teamEventMessageId,
  teamEventMessageLimit,
} from './eventMessage';
import type { TeamLogEntry } from '../../shared/teamEvents';

/** What a team log message holds, as plain data: the team layer does no MIME parsing. */
export interface TeamLogMessage {
  /** Bytes as stored on the server; over 64 KB only a snapshot is parsed at all. */
  size: number;
  /** The Message-ID field (first occurrence), or null when there is none. */
  messageId: string | null;
  /** The From address (first occurrence), lower-cased; the field as written when it has no address. */
  from: string | null;
  /** The decoded text of the event's JSON part, or null when the message has none. */
  json: string | null;
}

/** Why a message is not a usable event: stable codes for logs and tests. */
export type TeamEventDecodeFailure =
  'too-large' | 'not-a-team-event' | 'not-json' | 'unsupported' | 'malformed' | 'forged';

/** The result of decoding one message. */
export type TeamEventDecoded =
  { ok: true; event: TeamEvent } | { ok: false; code: TeamEventDecodeFailure; reason: string };

/** Validates a read log message as an event. Rejects messages over 64 KB (a snapshot may be larger,
 *  see eventMessage.ts), messages without a JSON
 *  part, broken JSON, unknown versions and types, invalid fields, and headers that contradict the
 *  JSON (Message-ID or From not matching id or actor). */
export function decodeTeamEvent(message: TeamLogMessage): TeamEventDecoded {
  if (message.size > SNAPSHOT_MESSAGE_LIMIT)
    return fail('too-large', `${message.size} bytes is over the snapshot limit`);
  // Over 64 KB, only a message whose header says it is a snapshot was read at all.
  if (message.json === null && message.size > TEAM_EVENT_MESSAGE_LIMIT)
    return fail('too-large', `${message.size} bytes is over the 64 KB limit`);
  if (message.json === null) return fail('not-a-team-event', 'no team event JSON part');
  let value: unknown;
  try {
    value = JSON.parse(message.json);
  } catch {
    return fail('not-json', 'the event part is not valid JSON');
  }
  const parsed = parseTeamEvent(value);
  if (!parsed.ok) return fail(parsed.kind, parsed.reason);
  if (message.size > teamEventMessageLimit(parsed.event.type))
    return fail('too-large', `${message.size} bytes is over the ${TEAM_EVENT_MESSAGE_LIMIT / 1024} KB limit`);
  const forged = contradiction(message, parsed.event);
  return forged === null ? { ok: true, event: parsed.event } : fail('forged', forged);
}

/** The fold input for one log message: its event, or the reason it cannot be used. */
export function teamLogEntry(uid: number, decoded: TeamEventDecoded): TeamLogEntry {
  return decoded.ok
    ? { uid, event: decoded.event }
    : { uid, event: null, problem: `${decoded.code}: ${decoded.reason}` };
}

/** A message that could not be read at all, as a decode failure. */
export function unreadableTeamMessage(reason: string): TeamEventDecoded {
  return fail('malformed', `unreadable message: ${reason}`);
}

/** Headers and JSON are written together; a mismatch means someone edited one of them. */
function contradiction(message: TeamLogMessage, event: TeamEvent): string | null {
  const messageId = message.messageId?.trim();
  if (messageId !== undefined && messageId !== '' && messageId.toLowerCase() !== teamEventMessageId(event.id)) {
    return `Message-ID ${messageId.slice(0, 80)} does not match event ${event.id}`;
  }
  if (message.from !== null && message.from !== event.actor) {
    return `From ${message.from.slice(0, 80)} does not match actor ${event.actor}`;
  }
  return null;
}

function fail(code: TeamEventDecodeFailure, reason: string): TeamEventDecoded {
  return { ok: false, code, reason };
}
