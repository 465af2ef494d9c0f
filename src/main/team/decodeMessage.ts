/**
 * Reading a team log message back into an event. Anyone who can write to the mailbox can put
 * anything in the folder, so this never throws: it answers `{ok: false, reason}` for anything
 * it cannot use. It is synchronous and small because it only has to read what
 * `encodeTeamEventMessage` writes (plus LF line ends and the other common transfer encodings).
 */
import { parseTeamEvent, type TeamEvent } from '../../shared/teamEvents';
import { TEAM_EVENT_MEDIA_TYPE, TEAM_EVENT_MESSAGE_LIMIT, teamEventMessageId } from './eventMessage';
import type { TeamLogEntry } from '../../shared/teamEvents';
import { findJsonPart, readHeaders, splitHeaderBlock } from './mimeReader';

/** Why a message is not a usable event: stable codes for logs and tests. */
export type TeamEventDecodeFailure =
  'too-large' | 'not-a-team-event' | 'not-json' | 'unsupported' | 'malformed' | 'forged';

/** The result of decoding one message. */
export type TeamEventDecoded =
  { ok: true; event: TeamEvent } | { ok: false; code: TeamEventDecodeFailure; reason: string };

/** Decodes a raw message (as fetched with IMAP `source`) into a validated event. Rejects messages
 *  over 64 KB, messages without a JSON part, broken JSON, unknown versions and types, invalid
 *  fields, and headers that contradict the JSON (Message-ID or From not matching id or actor). */
export function decodeTeamEventMessage(raw: Uint8Array | string): TeamEventDecoded {
  try {
    return decode(raw);
  } catch (error) {
    return fail('malformed', `unreadable message: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The fold input for one fetched log message: its event, or the reason it cannot be used. */
export function teamLogEntryFromMessage(uid: number, raw: Uint8Array | string): TeamLogEntry {
  const decoded = decodeTeamEventMessage(raw);
  return decoded.ok
    ? { uid, event: decoded.event }
    : { uid, event: null, problem: `${decoded.code}: ${decoded.reason}` };
}

function decode(raw: Uint8Array | string): TeamEventDecoded {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
  if (size > TEAM_EVENT_MESSAGE_LIMIT) return fail('too-large', `${size} bytes is over the 64 KB limit`);
  const text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  const { headerText, body } = splitHeaderBlock(text);
  const headers = readHeaders(headerText);
  const json = findJsonPart(headers, body, TEAM_EVENT_MEDIA_TYPE);
  if (json === null) return fail('not-a-team-event', 'no team event JSON part');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('not-json', 'the event part is not valid JSON');
  }
  const parsed = parseTeamEvent(value);
  if (!parsed.ok) return fail(parsed.kind, parsed.reason);
  const forged = contradiction(headers, parsed.event);
  return forged === null ? { ok: true, event: parsed.event } : fail('forged', forged);
}

/** Headers and JSON are written together; a mismatch means someone edited one of them. */
function contradiction(headers: Map<string, string>, event: TeamEvent): string | null {
  const messageId = headers.get('message-id')?.trim();
  if (messageId !== undefined && messageId.toLowerCase() !== teamEventMessageId(event.id)) {
    return `Message-ID ${messageId.slice(0, 80)} does not match event ${event.id}`;
  }
  const from = headers.get('from');
  const address = from === undefined ? null : fromAddress(from);
  if (address !== null && address !== event.actor) {
    return `From ${address.slice(0, 80)} does not match actor ${event.actor}`;
  }
  return null;
}

/** The address in a From header: the last `<...>`, else the bare value; lower-cased. */
function fromAddress(value: string): string | null {
  const angle = [...value.matchAll(/<([^<>]*)>/g)].pop();
  const address = (angle?.[1] ?? value).trim().toLowerCase();
  return address === '' ? null : address;
}

function fail(code: TeamEventDecodeFailure, reason: string): TeamEventDecoded {
  return { ok: false, code, reason };
}
