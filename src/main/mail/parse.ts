import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import { bodyOf, parseToShape, type MailShape } from './mailShape.mjs';
import type { ParsedMessage, Person } from '../../shared/types';
import { normalizeMessageId, threadingHeaders } from '../policy/threading';
import { filedDate } from '../policy/messageDate';

export type { MailShape };
export { BROKEN_MULTIPART, brokenMultipartText, snippetOf } from './mailShape.mjs';

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

/** A stable Message-ID for mail that has none, so every replica derives the same one. */
export function syntheticMessageId(raw: Buffer): string {
  return `${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@promptly.invalid`;
}

/** Maps a parsed message to what the store keeps. */
export function toParsed(mail: MailShape, raw: Buffer, fallbackDate: number): ParsedMessage {
  const messageId = normalizeMessageId(mail.messageId) ?? syntheticMessageId(raw);
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
    ...bodyOf(mail, raw),
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
