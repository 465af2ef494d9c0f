import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { baseSubject, replyReferences, replySubject, MAX_REFERENCES, quoteText } from '../../../src/main/outbox/quote';
import { cleanHeaderValue, parseAddressList } from '../../../src/main/outbox/address';
import { composeReply, defaultRecipients, type ComposeContext } from '../../../src/main/outbox/composer';
import { buildMessage } from '../../../src/main/outbox/mime';
import { sendRequestSchema } from '../../../src/shared/outbox';
import type { ReplySource } from '../../../src/main/store/repos/replySources';

const parent: ReplySource = {
  id: 1,
  threadId: 1,
  messageId: 'c2@customer.example',
  inReplyTo: 'root@customer.example',
  references: ['root@customer.example'],
  subject: 'Re: AW: Re: Broken wheel',
  from: { name: 'Carol Customer', address: 'carol@customer.example' },
  to: [{ name: 'Support', address: 'support@acme.example' }],
  cc: [
    { name: 'Dan', address: 'dan@customer.example' },
    { name: 'Bob', address: 'bob@acme.example' },
  ],
  replyTo: null,
  date: Date.UTC(2026, 2, 3, 9, 5),
  text: 'Hello,\n> old quote\nbye',
  fromTeam: false,
  hasAttachments: false,
};

function ctx(kind: ComposeContext['kind'], p: ReplySource = parent): ComposeContext {
  return {
    thread: { id: 1, key: 'root@customer.example', subject: 'Broken wheel' },
    parent: p,
    kind,
    sender: { address: 'support@acme.example', fromName: 'Alice at Acme', replyTo: null, signature: 'Alice' },
    team: ['bob@acme.example'],
    timeZone: 'Europe/Berlin',
  };
}

describe('composer', () => {
  it('subjects never pile up prefixes', () => {
    expect(replySubject('Re: AW: Re: Broken wheel', 'reply')).toBe('Re: Broken wheel');
    expect(replySubject('Fwd: Re[2]: Broken wheel', 'forward')).toBe('Fwd: Broken wheel');
    expect(replySubject('Broken wheel', 'reply')).toBe('Re: Broken wheel');
    expect(baseSubject('Re: Re: ')).toBe('');
  });

  it('References = parent chain + parent, keeping the root when trimmed', () => {
    expect(replyReferences(parent)).toEqual(['root@customer.example', 'c2@customer.example']);
    const long = Array.from({ length: 40 }, (_, i) => `m${i}@x.example`);
    const refs = replyReferences({ messageId: 'last@x.example', references: long });
    expect(refs).toHaveLength(MAX_REFERENCES);
    expect(refs[0]).toBe('m0@x.example');
    expect(refs.at(-1)).toBe('last@x.example');
  });

  it('reply goes to the sender; reply-all copies others but never the shared address or the team', () => {
    expect(defaultRecipients(ctx('reply'))).toEqual({ to: [parent.from], cc: [] });
    expect(defaultRecipients(ctx('reply-all'))).toEqual({
      to: [parent.from],
      cc: [{ name: 'Dan', address: 'dan@customer.example' }],
    });
  });

  it('quotes with an attribution in the team zone and "> " lines', () => {
    expect(quoteText(ctx('reply').parent as never, 'Europe/Berlin')).toBe(
      'On Tue, 3 Mar 2026 at 10:05, Carol Customer wrote:\n> Hello,\n>> old quote\n> bye',
    );
  });

  it('parses addresses with a real parser and refuses invalid ones', () => {
    expect(parseAddressList(['"Doe, Jane" <Jane@X.example>, bob@y.example'], 'to')).toEqual([
      { name: 'Doe, Jane', address: 'jane@x.example' },
      { name: '', address: 'bob@y.example' },
    ]);
    expect(() => parseAddressList(['jane@'], 'to')).toThrow(/not a valid mail address/);
    expect(() => parseAddressList(['Jane Doe'], 'to')).toThrow(/not a valid mail address/);
    expect(cleanHeaderValue('a\r\nBcc: x@y.example\n b')).toBe('a Bcc: x@y.example b');
  });

  it('builds MIME with threading headers, From display name, clean subject and no Bcc header', async () => {
    const request = sendRequestSchema.parse({
      threadId: 1,
      kind: 'reply-all',
      bcc: ['audit@acme.example'],
      subject: 'Re: wheel\r\nX-Evil: 1',
      text: 'We will send a new wheel.',
    });
    const reply = composeReply(request, request.text, ctx('reply-all'), {
      messageId: 'new@acme.example',
      date: Date.UTC(2026, 2, 3, 10, 0),
      attachments: [],
    });
    const built = await buildMessage(reply);
    expect(built.envelope).toEqual({
      from: 'support@acme.example',
      to: ['carol@customer.example', 'dan@customer.example', 'audit@acme.example'],
    });
    const raw = built.raw.toString('latin1');
    expect(raw).not.toMatch(/^(Bcc|X-Evil):/im);
    const mail = await simpleParser(built.raw);
    expect(mail.subject).toBe('Re: wheel X-Evil: 1');
    expect(mail.from?.value).toEqual([{ name: 'Alice at Acme', address: 'support@acme.example' }]);
    expect(mail.inReplyTo).toBe('<c2@customer.example>');
    expect(mail.references).toEqual(['<root@customer.example>', '<c2@customer.example>']);
    expect(mail.text).toContain('We will send a new wheel.\n\n-- \nAlice\n\nOn Tue, 3 Mar 2026 at 10:05');
  });

  it('refuses an empty reply and a reply without recipients', () => {
    const empty = sendRequestSchema.parse({ threadId: 1, text: ' ' });
    expect(() =>
      composeReply(empty, empty.text, ctx('reply'), { messageId: 'a@b.example', date: 0, attachments: [] }),
    ).toThrow(expect.objectContaining({ code: 'empty-body' }));
    const forward = sendRequestSchema.parse({ threadId: 1, kind: 'forward', text: 'fyi' });
    expect(() =>
      composeReply(forward, 'fyi', ctx('forward'), { messageId: 'a@b.example', date: 0, attachments: [] }),
    ).toThrow(expect.objectContaining({ code: 'no-recipients' }));
  });
});
