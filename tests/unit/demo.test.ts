import { beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { generateDemoMailbox, type DemoMail, type DemoMailbox } from '../../src/main/demo/generate';
import { composeDemoMessage, compileDemoMessage, type DemoComposeOptions } from '../../src/main/demo/mime';

const NOW = Date.UTC(2025, 5, 11, 10, 30, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHARED = 'support@harbourbikes.example';

interface Parsed {
  mail: DemoMail;
  p: ParsedMail;
  id: string;
  root: string;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((o) => o.value.map((a) => (a.address ?? '').toLowerCase()));
}

function refsOf(p: ParsedMail): string[] {
  return p.references === undefined ? [] : Array.isArray(p.references) ? p.references : [p.references];
}

function isAuto(p: ParsedMail): boolean {
  return String(p.headers.get('auto-submitted') ?? 'no') !== 'no';
}

function isBulk(p: ParsedMail): boolean {
  return String(p.headers.get('precedence') ?? '') === 'bulk';
}

let box: DemoMailbox;
let parsed: Parsed[];
let threads: Map<string, Parsed[]>;

beforeAll(async () => {
  box = generateDemoMailbox({ now: NOW });
  parsed = [];
  for (const mail of box.mails) {
    const p = await simpleParser(mail.raw, { keepCidLinks: true });
    const id = p.messageId ?? '';
    parsed.push({ mail, p, id, root: refsOf(p)[0] ?? p.inReplyTo ?? id });
  }
  threads = new Map();
  for (const entry of parsed) threads.set(entry.root, [...(threads.get(entry.root) ?? []), entry]);
}, 120_000);

describe('generateDemoMailbox', () => {
  it('is deterministic for a seed and now, and differs for another seed', () => {
    const again = generateDemoMailbox({ now: NOW });
    expect(again.mails.length).toBe(box.mails.length);
    again.mails.forEach((mail, i) => {
      const original = box.mails[i] as DemoMail;
      expect(mail.raw.equals(original.raw)).toBe(true);
      expect(mail.folder).toBe(original.folder);
      expect(mail.flags).toEqual(original.flags);
      expect(mail.internalDate).toBe(original.internalDate);
    });
    const other = generateDemoMailbox({ now: NOW, seed: 7 });
    const joined = (b: DemoMailbox): Buffer => Buffer.concat(b.mails.map((m) => m.raw));
    expect(joined(other).equals(joined(box))).toBe(false);
    expect(generateDemoMailbox({ now: NOW, seed: 7 }).mails.map((m) => m.raw.toString('latin1'))).toEqual(
      other.mails.map((m) => m.raw.toString('latin1')),
    );
  });

  it('describes the shared mailbox and its team with .example addresses', () => {
    expect(box.address).toBe(SHARED);
    expect(box.displayName).toBe('Harbour Bikes Support');
    expect(box.team.length).toBeGreaterThanOrEqual(3);
    for (const member of box.team) expect(member.address).toMatch(/@harbourbikes\.example$/);
  });

  it('produces mail that parses, with a subject, a sender, a date and a Message-ID', () => {
    expect(parsed.length).toBe(box.mails.length);
    for (const { p, id } of parsed) {
      expect(p.subject ?? '').not.toBe('');
      expect(addresses(p.from).length).toBe(1);
      expect(p.date).toBeInstanceOf(Date);
      expect(id).toMatch(/^<demo-\d+\.[0-9a-f]+@[a-z0-9.-]+\.example>$/);
    }
    expect(new Set(parsed.map((e) => e.id)).size).toBe(parsed.length);
  });

  it('spreads at least 300 threads over the 90 days before now, denser recently, none in the future', () => {
    expect(threads.size).toBeGreaterThanOrEqual(300);
    for (const { mail, p } of parsed) {
      const date = (p.date as Date).getTime();
      expect(date).toBeLessThanOrEqual(NOW);
      expect(date).toBeGreaterThanOrEqual(NOW - 90 * DAY);
      expect(mail.internalDate).toBeGreaterThanOrEqual(date);
      expect(mail.internalDate).toBeLessThanOrEqual(NOW);
    }
    const starts = [...threads.values()].map((t) => ((t[0] as Parsed).p.date as Date).getTime());
    const lastMonth = starts.filter((s) => s > NOW - 30 * DAY).length;
    const firstMonth = starts.filter((s) => s <= NOW - 60 * DAY).length;
    expect(lastMonth).toBeGreaterThan(firstMonth * 1.5);
    const sorted = box.mails.map((m) => m.internalDate);
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
  });

  it('chains every reply to a message that exists, with Re: subjects', () => {
    const ids = new Set(parsed.map((e) => e.id));
    let replies = 0;
    for (const { p } of parsed) {
      if (!p.inReplyTo) continue;
      replies++;
      expect(ids.has(p.inReplyTo)).toBe(true);
      const refs = refsOf(p);
      expect(refs[refs.length - 1]).toBe(p.inReplyTo);
      for (const ref of refs) expect(ids.has(ref)).toBe(true);
      expect(p.subject).toMatch(/^(Re|RE|Automatic reply|Out of office): /);
    }
    expect(replies).toBeGreaterThan(400);
  });

  it('keeps each thread in date order with one subject', () => {
    for (const thread of threads.values()) {
      const dates = thread.map((e) => (e.p.date as Date).getTime());
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
      const base = (thread[0] as Parsed).p.subject ?? '';
      for (const e of thread) expect((e.p.subject ?? '').endsWith(base)).toBe(true);
    }
  });

  it('files team replies in Sent, from the shared address, signed by a teammate, seen', () => {
    const sent = parsed.filter((e) => e.mail.folder === 'Sent');
    expect(sent.length).toBeGreaterThan(250);
    for (const { mail, p } of sent) {
      expect(addresses(p.from)).toEqual([SHARED]);
      expect(p.from?.value[0]?.name ?? '').toMatch(/^(Alice|Ben|Chloe|Sam) at Harbour Bikes$/);
      expect(mail.flags).toContain('\\Seen');
    }
    for (const { mail, p } of parsed.filter((e) => e.mail.folder === 'INBOX')) {
      expect(addresses(p.to)).toContain(SHARED);
      expect(mail.flags.every((f) => f === '\\Seen' || f === '\\Answered')).toBe(true);
    }
  });

  it('marks answered customer messages \\Answered and old mail mostly \\Seen', () => {
    let answered = 0;
    for (const thread of threads.values()) {
      thread.forEach((e, i) => {
        if (e.mail.folder !== 'INBOX' || isAuto(e.p) || isBulk(e.p)) return;
        const laterReply = thread.slice(i + 1).some((n) => n.mail.folder === 'Sent');
        expect(e.mail.flags.includes('\\Answered')).toBe(laterReply);
        if (laterReply) answered++;
      });
    }
    expect(answered).toBeGreaterThan(250);
    const old = parsed.filter((e) => e.mail.folder === 'INBOX' && (e.p.date as Date).getTime() < NOW - 3 * DAY);
    const seen = old.filter((e) => e.mail.flags.includes('\\Seen')).length;
    expect(seen / old.length).toBeGreaterThan(0.9);
  });

  it('has every thread shape the product needs to show', () => {
    const list = [...threads.values()];
    const last = (t: Parsed[]): Parsed => t[t.length - 1] as Parsed;
    const awaiting = list.filter((t) => last(t).mail.folder === 'INBOX' && !isAuto(last(t).p) && !isBulk(last(t).p));
    const age = (t: Parsed[]): number => NOW - (last(t).p.date as Date).getTime();
    // Unanswered and fresh (inside the 24 h courtesy window) and unanswered and overdue.
    expect(awaiting.filter((t) => t.length === 1 && age(t) < DAY).length).toBeGreaterThanOrEqual(8);
    expect(awaiting.filter((t) => t.length === 1 && age(t) > DAY).length).toBeGreaterThanOrEqual(8);
    expect(awaiting.filter((t) => t.length > 1 && age(t) < DAY).length).toBeGreaterThanOrEqual(3);
    // Answered once, customers answering back, long conversations.
    expect(list.filter((t) => t.length === 2 && last(t).mail.folder === 'Sent').length).toBeGreaterThan(80);
    expect(list.filter((t) => t.filter((e) => e.mail.folder === 'INBOX').length >= 2).length).toBeGreaterThan(50);
    expect(list.filter((t) => t.length >= 8).length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...list.map((t) => t.length))).toBeLessThanOrEqual(15);
    // A person in Cc writing back.
    const ccReplies = parsed.filter((e) => {
      if (e.mail.folder !== 'INBOX' || !e.p.inReplyTo) return false;
      const first = (threads.get(e.root) as Parsed[])[0] as Parsed;
      const from = addresses(e.p.from)[0] ?? '';
      return addresses(first.p.cc).includes(from);
    });
    expect(ccReplies.length).toBeGreaterThanOrEqual(5);
    // Courtesy replies that promise a day.
    const courtesy = parsed.filter(
      (e) =>
        e.mail.folder === 'Sent' && /(back to you|answer for you|reply in full) by [A-Z][a-z]+day/.test(e.p.text ?? ''),
    );
    expect(courtesy.length).toBeGreaterThanOrEqual(5);
    // Colleagues writing to the shared mailbox.
    expect(
      parsed.filter((e) => e.mail.folder === 'INBOX' && /@harbourbikes\.example$/.test(addresses(e.p.from)[0] ?? ''))
        .length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('includes auto-replies and newsletters with the right headers', () => {
    const autos = parsed.filter((e) => isAuto(e.p));
    expect(autos.length).toBeGreaterThanOrEqual(3);
    for (const { p } of autos) {
      expect(p.headers.get('auto-submitted')).toBe('auto-replied');
      expect(p.inReplyTo).toBeTruthy();
    }
    const bulk = parsed.filter((e) => isBulk(e.p));
    expect(bulk.length).toBeGreaterThanOrEqual(1);
    for (const { p } of bulk) {
      expect(p.headers.get('list')).toBeTruthy();
      expect(String(p.headers.get('auto-submitted') ?? 'no')).toBe('no');
      expect(p.html).toBeTruthy();
    }
  });

  it('includes HTML mail, attachments and inline cid images', () => {
    const html = parsed.filter((e) => typeof e.p.html === 'string');
    expect(html.length).toBeGreaterThan(50);
    for (const { p } of html) expect((p.text ?? '').trim()).not.toBe('');
    const files = parsed.flatMap((e) => e.p.attachments);
    expect(files.filter((a) => a.contentType === 'application/pdf').length).toBeGreaterThanOrEqual(5);
    expect(files.filter((a) => a.contentType === 'image/png').length).toBeGreaterThanOrEqual(3);
    expect(files.filter((a) => a.contentType === 'text/csv').length).toBeGreaterThanOrEqual(1);
    for (const a of files) {
      expect(a.size).toBeGreaterThan(0);
      expect(a.size).toBeLessThan(8 * 1024);
      if (a.contentType === 'application/pdf') {
        expect(a.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(a.content.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
      }
      if (a.contentType === 'image/png') expect(a.content.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    const inline = parsed.filter((e) =>
      e.p.attachments.some((a) => a.cid && String(e.p.html).includes(`cid:${a.cid}`)),
    );
    expect(inline.length).toBeGreaterThanOrEqual(2);
    // Whoever mentions an attachment attaches one.
    for (const { p } of parsed) {
      const own = (p.text ?? '').split(/\n(On .+ wrote:|_{10,})\n/)[0] ?? '';
      if (/\battach/i.test(own) && !isBulk(p)) expect(p.attachments.length).toBeGreaterThan(0);
    }
  });

  it('has a varied cast: 60+ customers, organisations with several people, regulars', () => {
    const customers = new Set(
      parsed
        .flatMap((e) => [...addresses(e.p.from), ...addresses(e.p.to), ...addresses(e.p.cc)])
        .filter((a) => !a.endsWith('@harbourbikes.example')),
    );
    expect(customers.size).toBeGreaterThanOrEqual(60);
    const byDomain = new Map<string, Set<string>>();
    for (const a of customers) {
      const domain = a.slice(a.indexOf('@') + 1);
      byDomain.set(domain, (byDomain.get(domain) ?? new Set()).add(a));
    }
    const orgs = [...byDomain.entries()].filter(
      ([d, people]) => people.size >= 2 && !/^(mailbox|inbox|postmail|webpost|netmail)\./.test(d),
    );
    expect(orgs.length).toBeGreaterThanOrEqual(5);
    const threadsPerStarter = new Map<string, number>();
    for (const t of threads.values()) {
      const from = addresses((t[0] as Parsed).p.from)[0] ?? '';
      threadsPerStarter.set(from, (threadsPerStarter.get(from) ?? 0) + 1);
    }
    expect([...threadsPerStarter.values()].filter((n) => n >= 3).length).toBeGreaterThanOrEqual(5);
    expect(new Set(parsed.map((e) => e.p.subject)).size).toBeGreaterThan(150);
  });

  it('uses only .example addresses and no placeholder text', () => {
    for (const { mail, p } of parsed) {
      for (const a of [...addresses(p.from), ...addresses(p.to), ...addresses(p.cc)]) expect(a).toMatch(/\.example$/);
      const raw = mail.raw.toString('latin1');
      // Decoded bodies, the raw header block and text attachments: QP soft breaks can't hide anything.
      const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
      const textFiles = p.attachments
        .filter((a) => a.contentType.startsWith('text/'))
        .map((a) => a.content.toString('utf8'));
      const text = [headers, p.text ?? '', p.html || '', ...textFiles].join('\n');
      for (const match of text.matchAll(/[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z0-9-]+/g))
        expect(match[0]).toMatch(/\.example$/);
      for (const match of text.matchAll(/https?:\/\/([^/\s"'<>?]+)/g)) expect(match[1]).toMatch(/\.example$/);
      expect(text).not.toMatch(/lorem|ipsum/i);
      expect(text).not.toMatch(/\{[a-zA-Z]+(\+\d+)?\}|undefined|NaN|\[object/);
    }
  });
});

describe('composeDemoMessage', () => {
  const samples = (): DemoComposeOptions[] => [
    {
      messageId: '<a1@harbourbikes.example>',
      date: new Date(NOW),
      baseBoundary: 'b1',
      from: { name: 'Jo Clärke', address: 'jo@solentwheelers.example' },
      to: 'support@harbourbikes.example',
      subject: 'Re: Brake pads — £12?',
      inReplyTo: '<a0@harbourbikes.example>',
      references: ['<a0@harbourbikes.example>'],
      text: 'A line that is comfortably longer than seventy-six characters, so it has to be wrapped.\n> quoted\n-- \nJo',
      html: '<p>Photo: <img src="cid:pic@solentwheelers.example"></p>',
      attachments: [
        {
          filename: 'IMG_1.png',
          content: Buffer.alloc(400, 7),
          contentType: 'image/png',
          cid: 'pic@solentwheelers.example',
        },
        { filename: 'sizes.csv', content: 'Name,Size\r\nA. Khan,M\r\n', contentType: 'text/csv' },
        { filename: 'Quote.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'), contentType: 'application/pdf' },
      ],
      headers: { 'Auto-Submitted': 'auto-replied' },
    },
    {
      messageId: '<a2@harbourbikes.example>',
      date: new Date(NOW - HOUR),
      baseBoundary: 'b2',
      from: 'support@harbourbikes.example',
      to: [{ name: 'Ben', address: 'ben@harbourbikes.example' }],
      subject: 'Plain',
      text: 'Short plain text.',
    },
  ];

  it("writes the same bytes as nodemailer's own streaming build", async () => {
    const [first, second] = [samples(), samples()];
    for (let i = 0; i < first.length; i++) {
      const sync = composeDemoMessage(first[i] as DemoComposeOptions);
      const streamed = await compileDemoMessage(second[i] as DemoComposeOptions).build();
      expect(sync.toString('latin1')).toBe(streamed.toString('latin1'));
    }
  });

  it('never depends on the clock or randomness', () => {
    const a = samples().map(composeDemoMessage);
    const b = samples().map(composeDemoMessage);
    a.forEach((buf, i) => expect(buf.equals(b[i] as Buffer)).toBe(true));
  });
});
