/**
 * Reads a team log message with the same MIME parser as all other mail (mailparser) and hands
 * the team layer plain data (team/decodeMessage.ts), which checks it. Repeated header fields
 * follow mailparser's rule, the one the header phase follows too (imap/headerBlock.ts): From
 * and Message-ID count by their first occurrence.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import {
  SNAPSHOT_MESSAGE_LIMIT,
  TEAM_EVENT_HEADER,
  TEAM_EVENT_MEDIA_TYPE,
  TEAM_EVENT_MESSAGE_LIMIT,
} from '../team/eventMessage';
import {
  decodeTeamEvent,
  teamLogEntry,
  unreadableTeamMessage,
  type TeamEventDecoded,
  type TeamLogMessage,
} from '../team/decodeMessage';
import type { TeamLogEntry } from '../../shared/teamEvents';

const OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, skipHtmlToText: true };
const EVENT_TYPES = new Set([TEAM_EVENT_MEDIA_TYPE, 'application/json']);

/** The From address of a parsed message, or the field as written when it names no address. */
function fromOf(mail: ParsedMail): string | null {
  if (!mail.from) return null;
  const written = mail.from.value[0]?.address || mail.from.text;
  return written.trim().toLowerCase() || null;
}

/** True when the header block says the message is a snapshot, the one event that may exceed 64 KB. */
function saysSnapshot(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 16 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const fields = end === -1 ? head : head.slice(0, end);
  return new RegExp(`^${TEAM_EVENT_HEADER}:[^\\r\\n]*\\btype=snapshot\\b`, 'im').test(fields);
}

/** A raw log message (as fetched with IMAP `source`) as plain data; over 64 KB it is not parsed
 *  unless its header says it is a snapshot. */
export async function readTeamLogMessage(raw: Uint8Array | string): Promise<TeamLogMessage> {
  const bytes =
    typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const limit = saysSnapshot(bytes) ? SNAPSHOT_MESSAGE_LIMIT : TEAM_EVENT_MESSAGE_LIMIT;
  if (bytes.byteLength > limit) {
    return { size: bytes.byteLength, messageId: null, from: null, json: null };
  }
  const mail = await simpleParser(bytes, OPTIONS);
  // The event is the one part of its own type (eventMessage.ts); a bare JSON message is read too.
  const part = mail.attachments.find((a) => EVENT_TYPES.has(a.contentType.toLowerCase()));
  return {
    size: bytes.byteLength,
    messageId: mail.messageId ?? null,
    from: fromOf(mail),
    json: part ? part.content.toString('utf8') : null,
  };
}

/** Reads and checks one raw log message; never throws. */
export async function decodeTeamEventSource(raw: Uint8Array | string): Promise<TeamEventDecoded> {
  try {
    return decodeTeamEvent(await readTeamLogMessage(raw));
  } catch (error) {
    return unreadableTeamMessage(error instanceof Error ? error.message : String(error));
  }
}

/** The fold input for one fetched log message: its event, or the reason it cannot be used. */
export async function teamLogEntryFromSource(uid: number, raw: Uint8Array | string): Promise<TeamLogEntry> {
  return teamLogEntry(uid, await decodeTeamEventSource(raw));
}
