import libmime from 'libmime';
import { headerFields } from '../mailShape.mjs';

/**
 * Fields fetched as written only to read them again when the envelope lost their 8-bit text
 * (see `envelopeLostText`); they are not stored with the other header fields.
 */
export const DISPLAY_HEADER_FIELDS = ['subject', 'from', 'to', 'cc'];

/**
 * The header fields sync fetches with the envelope: threading needs References, the
 * deadline policy needs the markers of automated mail (RFC 3834 Auto-Submitted, lists), the
 * Date header is kept as written for display when it is not the date filed under, and the
 * display fields back up the envelope.
 */
export const SYNC_HEADER_FIELDS = [
  ...DISPLAY_HEADER_FIELDS,
  'date',
  'references',
  'in-reply-to',
  'auto-submitted',
  'precedence',
  'list-id',
  'list-unsubscribe',
  'x-autoreply',
  'x-autorespond',
  'content-type',
  'reply-to',
];

/**
 * Fields a message carries at most once (RFC 5322 §3.6 and the MIME fields of RFC 2045), as
 * mailparser lists them. When a message repeats one anyway, mail clients show the first and
 * mailparser reads the first, so Promptly does too.
 */
const FIRST_OCCURRENCE = new Set([
  'message-id',
  'content-id',
  'from',
  'sender',
  'in-reply-to',
  'reply-to',
  'subject',
  'date',
  'content-disposition',
  'content-type',
  'content-transfer-encoding',
  'priority',
  'mime-version',
  'content-description',
  'precedence',
  'errors-to',
  'disposition-notification-to',
]);

/**
 * Parses a raw header block into lower-case names and unfolded values (RFC 5322 §2.2.3), with
 * libmime, the header reader of mailparser's family. One rule for repeated fields, the one
 * the full parse (mailparser) follows, so both phases read a message alike: a field in
 * FIRST_OCCURRENCE keeps its first value; any other field keeps every value, in order, joined
 * by a space (References split over two lines, several List-* or X-* lines).
 */
export function parseHeaderBlock(block: Buffer | string): Record<string, string> {
  const text = typeof block === 'string' ? block : block.toString('latin1');
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(libmime.decodeHeaders(text, { skipPrototypeKeys: true }))) {
    if (name === '') continue;
    out[name] = FIRST_OCCURRENCE.has(name) ? (values[0] ?? '') : values.join(' ');
  }
  return out;
}

const SYNC_FIELD_NAMES = new Set(SYNC_HEADER_FIELDS);

/**
 * The sync's header fields as a server's BODY[HEADER.FIELDS (...)] gives them (RFC 3501
 * §6.4.5): each field so named with its folded lines, in order, then the empty line. The
 * first sync reads them from the source it fetches anyway; asking the server for them as well
 * cost the main thread about a fifteenth of its time in parsing the answer (issue 16).
 */
export function syncHeaderFields(source: Buffer): Buffer {
  return headerFields(source, SYNC_FIELD_NAMES);
}
