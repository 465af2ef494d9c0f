/**
 * A team event as an RFC 5322 message, for IMAP APPEND to the team log folder.
 *
 * Layout (RFC 2046 multipart/mixed), chosen so both people and Promptly read it reliably:
 *   1. text/plain, quoted-printable: the readable summary. Mail clients show it inline.
 *   2. application/vnd.promptly.team-event+json, base64, as an attachment "promptly-event.json":
 *      the event itself. A separate part with its own type needs no in-band delimiter that a
 *      note's text could imitate, base64 keeps every line short (RFC 5322 §2.1.1) whatever the
 *      note contains, and a person sees one small attachment instead of raw JSON.
 * The boundary starts with "=_": quoted-printable always writes "=" as "=3D" and base64 never
 * uses "_", so no part can contain it (RFC 2046 §5.1.1).
 *
 * Built by hand (with nodemailer's encoders) rather than with MailComposer: the output is
 * synchronous, byte-stable for the pending table, and every header is under our control.
 * Header values that come from people (thread subject, display name) have control characters
 * and line breaks collapsed before encoding, so they cannot inject headers.
 * No References/In-Reply-To: Gmail would thread the event into the customer's conversation.
 */
import { encode as base64Encode, wrap as base64Wrap } from 'nodemailer/lib/base64/index.js';
import { encodeWord, encodeWords, foldLines, isPlainText } from 'nodemailer/lib/mime-funcs/index.js';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp/index.js';
import { TEAM_EVENT_VERSION, teamEventSchema, type TeamEvent } from '../../shared/teamEvents';
import { oneLine, summarizeTeamEvent, type TeamEventContext } from './summary';

/** The largest team event message Promptly writes or reads. */
export const TEAM_EVENT_MESSAGE_LIMIT = 64 * 1024;

/** The largest snapshot message (the folded state, compressed, base64 twice over). */
export const SNAPSHOT_MESSAGE_LIMIT = 48 * 1024 * 1024;

/** The largest message of this event type Promptly writes or reads. */
export function teamEventMessageLimit(type: string): number {
  return type === 'snapshot' ? SNAPSHOT_MESSAGE_LIMIT : TEAM_EVENT_MESSAGE_LIMIT;
}

/** The media type of the JSON part. */
export const TEAM_EVENT_MEDIA_TYPE = 'application/vnd.promptly.team-event+json';

/** Header that marks a message as a team event, e.g. for `SEARCH HEADER X-Promptly-Event ""`. */
export const TEAM_EVENT_HEADER = 'X-Promptly-Event';

const CRLF = '\r\n';
const SUBJECT_LIMIT = 240;

/** Thrown when an event would not fit in one log message; `code` is stable for the UI. */
export class TeamEventTooLargeError extends Error {
  readonly code = 'team-event-too-large';
  constructor(readonly bytes: number) {
    super(`This action is too large to share with the team (${bytes} bytes, limit ${TEAM_EVENT_MESSAGE_LIMIT}).`);
    this.name = 'TeamEventTooLargeError';
  }
}

/** The Message-ID of an event's message: `<id@promptly.team>`, so a replica without UIDPLUS can
 *  find its appended event with `SEARCH HEADER Message-ID`. */
export function teamEventMessageId(eventId: string): string {
  return `<${eventId}@promptly.team>`;
}

/** Encodes an event as a complete RFC 5322 message with CRLF line ends. Throws a ZodError if the
 *  event is invalid and TeamEventTooLargeError if it would exceed 64 KB. */
export function encodeTeamEventMessage(input: TeamEvent, context: TeamEventContext = {}): Buffer {
  const event = teamEventSchema.parse(input);
  const boundary = `=_promptly_${event.id.replaceAll('-', '')}`;
  const message = [
    ...headerBlock(event, context, boundary),
    '',
    'This is a Promptly team event in MIME format.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    qpWrap(qpEncode(readableBody(event, context)), 76),
    `--${boundary}`,
    `Content-Type: ${TEAM_EVENT_MEDIA_TYPE}; charset=utf-8`,
    'Content-Disposition: attachment; filename="promptly-event.json"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Wrap(base64Encode(JSON.stringify(event)), 76),
    `--${boundary}--`,
    '',
  ].join(CRLF);
  const bytes = Buffer.from(message, 'utf8');
  if (bytes.length > teamEventMessageLimit(event.type)) throw new TeamEventTooLargeError(bytes.length);
  return bytes;
}

function headerBlock(event: TeamEvent, context: TeamEventContext, boundary: string): string[] {
  const subject = `[Promptly] ${truncate(summarizeTeamEvent(event, context).headline, SUBJECT_LIMIT)}`;
  return [
    `From: ${fromHeader(event.actor, context.actorName)}`,
    `Date: ${rfc5322Date(event.at)}`,
    foldLines(`Subject: ${encodeWords(oneLine(subject), 'Q', 52)}`, 76),
    `Message-ID: ${teamEventMessageId(event.id)}`,
    'MIME-Version: 1.0',
    'Auto-Submitted: auto-generated',
    `${TEAM_EVENT_HEADER}: v=${TEAM_EVENT_VERSION}; type=${event.type}`,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
}

/** The text part: what happened, details, and what this message is. */
function readableBody(event: TeamEvent, context: TeamEventContext): string {
  const { headline, details } = summarizeTeamEvent(event, context);
  const about = event.thread === null ? [] : [`Conversation: <${event.thread}>`];
  const lines = [
    `${headline}.`,
    ...details.flatMap((detail) => ['', detail]),
    '',
    '-- ',
    "Promptly keeps the team's shared state (owners, notes, promises) here,",
    'one message per action. Please leave these messages in this folder:',
    'deleting or moving them changes what every teammate sees.',
    ...about,
    `Event: ${event.type}, ${event.id}`,
  ];
  return lines.join('\n').replace(/\r?\n|\r/g, CRLF) + CRLF;
}

/** `From:` with an optional display name: quoted when plain ASCII, else RFC 2047 encoded. */
function fromHeader(address: string, name: string | null | undefined): string {
  const display = truncate(oneLine(name ?? ''), 100);
  if (display === '') return address;
  const phrase = isPlainText(display) ? `"${display.replace(/(["\\])/g, '\\$1')}"` : encodeWord(display, 'Q', 52);
  return foldLines(`${phrase} <${address}>`, 70);
}

/** RFC 5322 §3.3 date-time in UTC, e.g. "Tue, 03 Mar 2026 09:30:00 +0000". */
export function rfc5322Date(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
