import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import { parseToShape, type MailShape } from './mailShape.mjs';
import { eightBitText } from './undeclaredCharset.mjs';

export type { MailShape };
import type { ParsedMessage, Person } from '../../shared/types';
import { normalizeMessageId, threadingHeaders } from '../policy/threading';
import { filedDate } from '../policy/messageDate';

const SNIPPET_LENGTH = 160;

function people(objects: AddressObject[]): Person[] {
  const out: Person[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      if (entry.group) {
        for (const member of entry.group)
          out.push({ name: member.name ?? '', address: (member.address ?? '').toLowerCase() });
      } else {
        out.push({ name: entry.name ?? '', address: (entry.address ?? '').toLowerCase() });
      }
    }
  }
  return out.filter((p) => p.address !== '' || p.name !== '');
}

/** Text for the list row: quoted lines and signatures are dropped, whitespace collapsed. */
export function snippetOf(text: string): string {
  // Only the start matters; long bodies made this regex work a measurable cost.
  const lines = text.slice(0, 4000).split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s*>/.test(line)) continue;
    if (/^-- ?$/.test(line)) break;
    if (/^On .+wrote:\s*$/.test(line)) break;
    kept.push(line);
  }
  const flat = kept.join(' ').replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}

/** A stable Message-ID for mail that has none, so every replica derives the same one. */
export function syntheticMessageId(raw: Buffer): string {
  return `${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@promptly.invalid`;
}

/** The note on a message whose multipart structure could not be followed. */
export const BROKEN_MULTIPART =
  'The message says it has several parts, but its part boundary never appears; Promptly shows its body as plain text.';

/**
 * The readable text of a multipart message whose declared boundary is missing from its body
 * (RFC 2046 §5.1.1): the body without delimiter lines and part headers, or null when the
 * message is not multipart or has no body.
 */
export function brokenMultipartText(raw: Buffer): string | null {
  const source = raw.toString('latin1');
  const gap = /\r?\n\r?\n/.exec(source);
  if (!gap) return null;
  const head = source.slice(0, gap.index).replace(/\r?\n[ \t]+/g, ' ');
  if (!/^content-type:\s*multipart\//im.test(head)) return null;
  const body = raw.subarray(gap.index + gap[0].length);
  const text = eightBitText(body)
    .split(/\r?\n/)
    .filter(
      (line) => !/^--\S+$/.test(line.trim()) && !/^content-(?:type|transfer-encoding|disposition|id):/i.test(line),
    )
    .join('\n')
    .trim();
  return text === '' ? null : text;
}

/** Maps a parsed message to what the store keeps. */
export function toParsed(mail: MailShape, raw: Buffer, fallbackDate: number): ParsedMessage {
  const messageId = normalizeMessageId(mail.messageId) ?? syntheticMessageId(raw);
  // mailparser derives text from HTML-only mail itself. A multipart whose boundary never
  // appears parses to nothing: its body, as text, is better than an empty message.
  const empty = mail.text.trim() === '' && mail.html === null && mail.attachments.length === 0;
  const broken = empty ? brokenMultipartText(raw) : null;
  const text = broken ?? mail.text.trim();
  const from = people(mail.from)[0] ?? { name: '', address: '' };
  const to = people(mail.to);
  const cc = people(mail.cc);
  const threading = threadingHeaders({
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    addresses: [from, ...to, ...cc].map((p) => p.address),
  });
  return {
    messageId,
    ...threading,
    subject: mail.subject.replace(/\s+/g, ' ').trim(),
    from,
    to,
    cc,
    date: filedDate(mail.date, fallbackDate),
    text,
    html: mail.html,
    snippet: snippetOf(text),
    problem: broken === null ? null : BROKEN_MULTIPART,
    hasAttachments: mail.attachments.some((a) => a.contentDisposition !== 'inline' || !a.cid),
    attachments: mail.attachments.map((a, i) => ({
      part: String(i),
      filename: a.filename,
      contentType: a.contentType || 'application/octet-stream',
      size: a.size,
      contentId: a.cid,
      inline: a.contentDisposition === 'inline' && !!a.cid,
    })),
  };
}

/**
 * Parses raw RFC 5322 bytes. Never throws: a message that cannot be read comes back as
 * `{ error }` so the caller can keep it raw and carry on.
 */
export async function parseMessage(
  raw: Buffer,
  fallbackDate: number,
): Promise<{ ok: true; message: ParsedMessage } | { ok: false; error: string }> {
  try {
    return { ok: true, message: toParsed(await parseToShape(raw), raw, fallbackDate) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
