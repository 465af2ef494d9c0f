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

/** Parses a raw header block (RFC 5322 §2.2: unfold continuation lines); names lowercased. */
export function parseHeaderBlock(block: Buffer | string): Record<string, string> {
  const text = block.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    out[name] = out[name] ? `${out[name]} ${value}` : value;
  }
  return out;
}
