import { createHash } from 'node:crypto';
import type { MessageEnvelopeObject } from 'imapflow';
import type { Person } from '../../shared/types';
import { normalizeMessageId, threadingHeaders } from '../policy/threading';
import { filedDate } from '../policy/messageDate';
import type { ParsedMessage } from '../../shared/types';
import { parseMessage } from './parse';
import { lostBytes } from './undeclaredCharset.mjs';

function people(list: MessageEnvelopeObject['from']): Person[] {
  return (list ?? [])
    .map((a) => ({ name: a.name ?? '', address: (a.address ?? '').toLowerCase() }))
    .filter((p) => p.address !== '' || p.name !== '');
}

/**
 * A stable Message-ID for mail without one, from what every replica sees the same way
 * (envelope and size), so all machines thread it identically.
 */
export function envelopeMessageId(env: MessageEnvelopeObject | undefined, size: number, internalDate: number): string {
  const basis = JSON.stringify([env?.date, env?.subject, env?.from, env?.to, size, internalDate]);
  return `${createHash('sha256').update(basis).digest('hex').slice(0, 32)}@promptly.invalid`;
}

/**
 * What the header phase knows of a message: envelope plus References. Text, HTML and
 * attachments arrive with the body phase.
 */
export function messageFromEnvelope(
  env: MessageEnvelopeObject | undefined,
  headers: Record<string, string>,
  size: number,
  internalDate: number,
): ParsedMessage {
  const date = env?.date ? new Date(env.date).getTime() : null;
  const from = people(env?.from)[0] ?? { name: '', address: '' };
  const to = people(env?.to);
  const cc = people(env?.cc);
  const threading = threadingHeaders({
    inReplyTo: headers['in-reply-to'] ?? env?.inReplyTo ?? '',
    references: headers.references ?? '',
    addresses: [from, ...to, ...cc].map((p) => p.address),
  });
  return {
    messageId: normalizeMessageId(env?.messageId ?? '') ?? envelopeMessageId(env, size, internalDate),
    ...threading,
    subject: (env?.subject ?? '').replace(/\s+/g, ' ').trim(),
    from,
    to,
    cc,
    date: filedDate(date, internalDate),
    text: '',
    html: null,
    snippet: '',
    hasAttachments: false,
    attachments: [],
    problem: null,
  };
}

/**
 * True when the envelope shows U+FFFD in the subject or a name that the header fields as written
 * do not contain: raw 8-bit bytes that are not UTF-8 (older mailers wrote windows-1252 without
 * RFC 2047 encoded words), which the IMAP client read as UTF-8.
 */
export function envelopeLostText(message: ParsedMessage, headerBlock: Buffer): boolean {
  const names = [message.from, ...message.to, ...message.cc].map((p) => p.name);
  return lostBytes(headerBlock, [message.subject, ...names]);
}

/**
 * The message with its subject and people read from the header fields as written, by the
 * same parser as whole messages (UTF-8 when valid, else windows-1252), for an envelope that
 * lost their text. Threading, date and the rest stay as the envelope gave them.
 */
export async function withHeaderText(message: ParsedMessage, headerBlock: Buffer): Promise<ParsedMessage> {
  const parsed = await parseMessage(Buffer.concat([headerBlock, Buffer.from('\r\n')]), message.date);
  if (!parsed.ok) return message;
  const { subject, from, to, cc } = parsed.message;
  return { ...message, subject, from: from.address === '' ? message.from : from, to, cc };
}
