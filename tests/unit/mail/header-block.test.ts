import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageEnvelopeObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { parseHeaderBlock } from '../../../src/main/mail/imap/headerBlock';
import { messageFromEnvelope } from '../../../src/main/mail/envelope';
import { parseMessage } from '../../../src/main/mail/parse';

const raw = readFileSync(join(import.meta.dirname, '../../fixtures/mail/repeated-header-fields.eml'));
const headerBlock = raw.subarray(0, raw.indexOf('\r\n\r\n'));

describe('one header parser, one rule for repeated fields', () => {
  it('a field a message carries once keeps its first value; others keep every value, unfolded', () => {
    const headers = parseHeaderBlock(headerBlock);
    expect(headers.from).toBe('Ann Customer <ann@example.net>');
    expect(headers.subject).toBe('Re: Where is my parcel?');
    expect(headers.date).toBe('Mon, 02 Sep 2002 10:00:00 +0000');
    expect(headers['in-reply-to']).toBe('<parcel-1@shop.example>');
    expect(headers.references).toBe('<parcel-0@example.net> <parcel-1@shop.example>');
    expect(headers['list-id']).toBe('Parcel updates <parcels.shop.example>');
  });

  it('lines that are no field and names like Object members are left out', () => {
    const headers = parseHeaderBlock('Subject: hi\r\nnot a field\r\n__proto__: x\r\nconstructor: y\r\n');
    expect(headers).toEqual({ subject: 'hi' });
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
  });

  it('the header phase and the full parse read the repeated fields alike', async () => {
    const full = await parseMessage(raw, 0);
    if (!full.ok) throw new Error(full.error);
    const headers = parseHeaderBlock(headerBlock);
    // What Dovecot's ENVELOPE gives for this message: its first From, Subject and Date.
    const envelope: MessageEnvelopeObject = {
      date: new Date(headers.date ?? ''),
      subject: 'Re: Where is my parcel?',
      messageId: '<repeated-2@example.net>',
      inReplyTo: headers['in-reply-to'],
      from: [{ name: 'Ann Customer', address: 'ann@example.net' }],
      to: [{ address: 'support@shop.example' }],
    };
    const phase = messageFromEnvelope(envelope, headers, raw.length, 0);
    const pick = (m: typeof phase) => [m.from, m.subject, m.date, m.inReplyTo, m.references];
    expect(pick(phase)).toEqual(pick(full.message));
    expect(phase.references).toEqual(['parcel-0@example.net', 'parcel-1@shop.example']);
  });
});
