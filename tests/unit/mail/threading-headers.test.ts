import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageEnvelopeObject } from 'imapflow';
import { threadingHeaders } from '../../../src/main/policy/threading';
import { parseMessage } from '../../../src/main/mail/parse';
import { messageFromEnvelope } from '../../../src/main/mail/envelope';
import { parseHeaderBlock } from '../../../src/main/mail/imap/headerBlock';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

describe('In-Reply-To as older clients write it', () => {
  it('takes the Message-ID, not the replied-to sender quoted in prose (exmh, nmh)', () => {
    const header =
      'Message from Rohit Khare <khare@alumni.caltech.edu> of "Tue, 23 Jul 2002 10:23:56 PDT." <F5680B03-9E5E-11D6@alumni.caltech.edu>';
    expect(threadingHeaders({ inReplyTo: header, references: '', addresses: [] }).inReplyTo).toBe(
      'F5680B03-9E5E-11D6@alumni.caltech.edu',
    );
  });

  it('never takes an address of the message itself as the parent', () => {
    const header = '<ann@shop.example> <p1@mail.example>';
    expect(threadingHeaders({ inReplyTo: header, references: '', addresses: ['ann@shop.example'] }).inReplyTo).toBe(
      'p1@mail.example',
    );
    expect(
      threadingHeaders({ inReplyTo: '<ann@shop.example>', references: '', addresses: ['Ann@Shop.example'] }),
    ).toEqual({
      inReplyTo: null,
      references: [],
    });
  });

  it('prefers the candidate References also names, and keeps plain headers as they were', () => {
    expect(
      threadingHeaders({
        inReplyTo: '<a@x.example> <b@x.example>',
        references: '<r@x.example> <a@x.example>',
        addresses: [],
      }),
    ).toEqual({ inReplyTo: 'a@x.example', references: ['r@x.example', 'a@x.example'] });
    expect(threadingHeaders({ inReplyTo: '<p@x.example>', references: '', addresses: [] }).inReplyTo).toBe(
      'p@x.example',
    );
    expect(threadingHeaders({ inReplyTo: 'p@x.example', references: '', addresses: [] }).inReplyTo).toBe('p@x.example');
  });

  it('both parse paths (full MIME and the header phase) read the exmh fixture alike', async () => {
    const raw = fixture('exmh-in-reply-to.eml');
    const full = await parseMessage(raw, 0);
    expect(full.ok && full.message.inReplyTo).toBe('F5680B03-9E5E-11D6@alumni.caltech.edu');
    const headers = parseHeaderBlock(raw.subarray(0, raw.indexOf('\r\n\r\n')));
    const envelope: MessageEnvelopeObject = {
      date: new Date('2002-07-23T17:45:01Z'),
      subject: 'Re: New Sequences Window',
      messageId: '<1027446301.cwg@example.net>',
      inReplyTo: headers['in-reply-to'],
      from: [{ name: 'Chris Garrigues', address: 'cwg-dated@example.net' }],
      to: [{ address: 'exmh-workers@example.org' }],
      cc: [{ name: 'Rohit Khare', address: 'khare@alumni.caltech.edu' }],
    };
    const fromHeaders = messageFromEnvelope(envelope, headers, raw.length, 0);
    expect(fromHeaders.inReplyTo).toBe('F5680B03-9E5E-11D6@alumni.caltech.edu');
    expect(fromHeaders.references).toEqual([]);
  });
});
