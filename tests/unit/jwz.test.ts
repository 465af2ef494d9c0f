import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threadMessages, type JwzMessage, type JwzNode } from '../support/jwz';
import {
  isReplySubject,
  normalizeSubject,
  subjectFallbackCandidate,
  type SubjectFallbackCandidate,
} from '../../src/main/policy/subject';
import { openDb } from '../../src/main/store/db';
import { saveAccount } from '../../src/main/store/repos/accounts';
import { ensureFolder } from '../../src/main/store/repos/folders';
import { storeMessage } from '../../src/main/store/ingest';
import type { ParsedMessage } from '../../src/shared/types';

function m(id: string, references: string[] = [], over: Partial<JwzMessage> = {}): JwzMessage {
  return {
    messageId: id,
    inReplyTo: references.at(-1) ?? null,
    references,
    subject: 'Order 1234',
    date: 1000,
    from: 'cara@customer.example',
    ...over,
  };
}

/** The tree as nested `id(child,child)` text; phantoms are marked with `~`. */
function shape(n: JwzNode): string {
  const label = n.message === null ? `~${n.id}` : n.id;
  return n.children.length === 0 ? label : `${label}(${n.children.map(shape).join(',')})`;
}

function shapes(messages: JwzMessage[]): string[] {
  return threadMessages(messages).roots.map(shape);
}

function depth(n: JwzNode): number {
  let d = 1;
  for (let at: JwzNode | undefined = n; at !== undefined && at.children.length > 0; at = at.children[0]) d += 1;
  return d;
}

describe('JWZ threading', () => {
  it('builds the reply tree and sorts siblings by date', () => {
    const result = threadMessages([
      m('a@x', [], { date: 1 }),
      m('c@x', ['a@x'], { date: 3 }),
      m('b@x', ['a@x'], { date: 2 }),
      m('d@x', ['a@x', 'b@x'], { date: 4 }),
      m('z@y', [], { date: 5 }),
    ]);
    expect(result.roots.map(shape)).toEqual(['a@x(b@x(d@x),c@x)', 'z@y']);
    expect(result.groups).toEqual([['a@x', 'b@x', 'c@x', 'd@x'], ['z@y']]);
  });

  it('gives the same tree when replies arrive before their parents', () => {
    const inOrder = [m('a@x', [], { date: 1 }), m('b@x', ['a@x'], { date: 2 }), m('c@x', ['a@x', 'b@x'], { date: 3 })];
    const reversed = [...inOrder].reverse();
    expect(threadMessages(reversed)).toEqual(threadMessages(inOrder));
    expect(shapes(reversed)).toEqual(['a@x(b@x(c@x))']);
  });

  it('keeps a phantom root for siblings whose parent never arrived, and promotes a lone child', () => {
    expect(shapes([m('c@x', ['a@x', 'b@x'], { date: 2 }), m('d@x', ['a@x'], { date: 3 })])).toEqual(['~a@x(c@x,d@x)']);
    expect(shapes([m('c@x', ['a@x', 'b@x'])])).toEqual(['c@x']);
    // Below the root an empty container always gives way to its children.
    expect(
      shapes([m('a@x', [], { date: 1 }), m('c@x', ['a@x', 'b@x'], { date: 2 }), m('d@x', ['a@x', 'b@x'], { date: 3 })]),
    ).toEqual(['a@x(c@x,d@x)']);
    expect(threadMessages([m('c@x', ['a@x', 'b@x'])]).groups).toEqual([['c@x']]);
  });

  it('never links a message to its own descendant when References form a cycle', () => {
    const result = threadMessages([
      m('a@x', ['b@x'], { date: 1 }),
      m('b@x', ['a@x'], { date: 2 }),
      m('c@x', ['c@x'], { date: 3 }),
      m('p@x', ['q@x', 'r@x'], { date: 4 }),
      m('s@x', ['r@x', 'q@x'], { date: 5 }),
    ]);
    // b's own header would make a its parent, but a already hangs under b: the link is refused.
    // s's References reverse p's, so q stays r's parent and s goes under q; phantom r is
    // replaced by its child p.
    expect(result.roots.map(shape)).toEqual(['b@x(a@x)', 'c@x', '~q@x(p@x,s@x)']);
    expect(result.groups).toEqual([['a@x', 'b@x'], ['c@x'], ['p@x', 's@x']]);
  });

  it('trusts References over a conflicting In-Reply-To, and uses In-Reply-To when References is missing', () => {
    const base = [m('a@x', [], { date: 1 }), m('b@x', ['a@x'], { date: 2 }), m('x@x', [], { date: 3 })];
    expect(shapes([...base, m('c@x', ['a@x', 'b@x'], { inReplyTo: 'x@x', date: 4 })])).toEqual([
      'a@x(b@x(c@x))',
      'x@x',
    ]);
    expect(shapes([...base, m('c@x', [], { inReplyTo: '<x@x>', date: 4 })])).toEqual(['a@x(b@x)', 'x@x(c@x)']);
  });

  it('lets a message’s own References correct a parent guessed from a truncated header', () => {
    // d skips c (RFC 5322 allows trimming References), so d's header first suggests b → d;
    // d's own header then puts it under c.
    expect(
      shapes([
        m('a@x', [], { date: 1 }),
        m('b@x', ['a@x'], { date: 2 }),
        m('c@x', ['a@x', 'b@x'], { date: 3 }),
        m('e@x', ['a@x', 'd@x'], { date: 4 }),
        m('d@x', ['a@x', 'b@x', 'c@x'], { date: 5 }),
      ]),
    ).toEqual(['a@x(b@x(c@x(d@x(e@x))))']);
  });

  it('gives a duplicate Message-ID its own container (RFC 5256) and files replies under the first', () => {
    const result = threadMessages([
      m('a@x', [], { date: 1, subject: 'first' }),
      m('a@x', [], { date: 2, subject: 'copy' }),
      m('b@x', ['a@x'], { date: 3 }),
    ]);
    expect(result.roots.map(shape)).toEqual(['a@x(b@x)', '1.a@x@jwz.invalid']);
    expect(result.roots[0]?.message?.subject).toBe('first');
    expect(result.groups).toEqual([['a@x'], ['a@x', 'b@x']]);
  });

  it('ignores broken ids in References and keeps messages without a usable Message-ID', () => {
    const result = threadMessages([
      m('<a@x>', [], { date: 1 }),
      m('b@x', ['<>', 'no-at-sign', ''], { inReplyTo: 'a@x', date: 2 }),
      m('', ['a@x'], { date: 3 }),
      m('junk', [], { date: 4 }),
    ]);
    expect(result.groups).toEqual([['', 'a@x', 'b@x'], ['junk']]);
    expect(result.roots[0]?.children.map((c) => c.id)).toEqual(['b@x', '2.missing@jwz.invalid']);
  });

  it('threads a 1,500-message chain delivered in random order', () => {
    const chain = Array.from({ length: 1500 }, (_, i) =>
      m(`m${i}@x`, Array.from({ length: i }, (_, j) => `m${j}@x`).slice(-20), { date: i }),
    );
    // Only the last 20 ancestors are kept, as mail clients trim long References headers.
    const shuffled = fc.sample(fc.shuffledSubarray(chain, { minLength: chain.length }), { numRuns: 1, seed: 7 })[0]!;
    const result = threadMessages(shuffled);
    expect(result.groups).toHaveLength(1);
    expect(result.roots[0] && depth(result.roots[0])).toBe(1500);
  });

  it('keeps a reply from someone on CC in the thread', () => {
    const result = threadMessages([
      m('a@x', [], { date: 1 }),
      m('b@s', ['a@x'], { date: 2, from: 'support@shop.example' }),
      m('c@cc', ['a@x', 'b@s'], { date: 3, from: 'dan@colleague.example', subject: 'AW: Order 1234' }),
    ]);
    expect(result.groups).toEqual([['a@x', 'b@s', 'c@cc']]);
  });
});

describe('subjects', () => {
  it('strips reply and forward prefixes, list tags and case', () => {
    const base = 'order 1234 is late';
    for (const s of [
      'Order 1234 is late',
      'Re: Order 1234 is late',
      'RE: re: Order  1234 is late ',
      'Fwd: Order 1234 is late',
      'AW: WG: Order 1234 is late',
      'SV: Order 1234 is late',
      'Antw: Order 1234 is late',
      '[shop] Re: Order 1234 is late',
      'Re: [shop] Re[2]: Order 1234 is late (fwd)',
      'Re : Order 1234 is late',
    ])
      expect(normalizeSubject(s), s).toBe(base);
    expect(normalizeSubject('Reorder 1234')).toBe('reorder 1234');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeSubject(normalizeSubject(s)) === normalizeSubject(s)));
  });

  it('tells a reply subject from a fresh one', () => {
    expect(isReplySubject('[shop] Re: Order')).toBe(true);
    expect(isReplySubject('Fwd: Order')).toBe(true);
    expect(isReplySubject('[shop] Order')).toBe(false);
    expect(isReplySubject('Regarding my order')).toBe(false);
  });
});

describe('subject fallback', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const thread: SubjectFallbackCandidate = {
    threadId: 7,
    normalizedSubject: 'order 1234 is late',
    participants: ['cara@customer.example'],
    lastMessageAt: 10 * DAY,
  };
  const reply = { subject: 'Re: Order 1234 is late', from: 'Cara@Customer.example', date: 12 * DAY };

  it('joins the thread of the same customer with the same subject within 3 days', () => {
    expect(subjectFallbackCandidate({ ...reply, hasThreadingHeaders: false }, [thread])).toBe(7);
    expect(
      subjectFallbackCandidate({ ...reply, subject: '[shop] AW: ORDER 1234 is late', hasThreadingHeaders: false }, [
        { ...thread, normalizedSubject: 'Order 1234 is late' },
      ]),
    ).toBe(7);
  });

  it('refuses when the headers are present, the subject is fresh or differs, or the sender is someone else', () => {
    expect(subjectFallbackCandidate({ ...reply, hasThreadingHeaders: true }, [thread])).toBeNull();
    expect(
      subjectFallbackCandidate({ ...reply, subject: 'Order 1234 is late', hasThreadingHeaders: false }, [thread]),
    ).toBeNull();
    expect(
      subjectFallbackCandidate({ ...reply, subject: 'Re: Order 1235 is late', hasThreadingHeaders: false }, [thread]),
    ).toBeNull();
    expect(
      subjectFallbackCandidate({ ...reply, from: 'eve@other.example', hasThreadingHeaders: false }, [thread]),
    ).toBeNull();
    expect(
      subjectFallbackCandidate({ ...reply, subject: 'Re:', hasThreadingHeaders: false }, [
        { ...thread, normalizedSubject: '' },
      ]),
    ).toBeNull();
  });

  it('refuses outside the window and honours a custom window', () => {
    const late = { ...reply, date: 13 * DAY + 1, hasThreadingHeaders: false };
    expect(subjectFallbackCandidate(late, [thread])).toBeNull();
    expect(subjectFallbackCandidate(late, [thread], 4 * DAY)).toBe(7);
    expect(subjectFallbackCandidate({ ...late, date: 13 * DAY }, [thread])).toBe(7);
  });

  it('leaves a same-subject mail from the same customer four days later in a conversation of its own', () => {
    expect(subjectFallbackCandidate({ ...reply, date: 14 * DAY, hasThreadingHeaders: false }, [thread])).toBeNull();
  });

  it('picks the most recently active of several matching threads', () => {
    const older = { ...thread, threadId: 3, lastMessageAt: 9 * DAY };
    const newer = { ...thread, threadId: 9, lastMessageAt: 11 * DAY };
    expect(subjectFallbackCandidate({ ...reply, hasThreadingHeaders: false }, [older, newer, thread])).toBe(9);
  });
});

/** A random reply forest: each message replies to an earlier one or starts a conversation. */
interface Plan {
  parent: number | null;
  keep: number;
  delivered: boolean;
  date: number;
}

const planArb = fc.array(
  fc.record({
    parent: fc.option(fc.nat(), { nil: null }),
    keep: fc.nat(4),
    delivered: fc.boolean(),
    date: fc.integer({ min: 0, max: 1_000_000 }),
  }),
  { minLength: 1, maxLength: 40 },
);

/** Complete headers: References = root + the last `keep` ancestors (clients trim the middle). */
function forest(plans: Plan[]): JwzMessage[] {
  const parents = plans.map((p, i) => (p.parent === null || i === 0 ? null : p.parent % i));
  const ancestors = (i: number): number[] => {
    const chain: number[] = [];
    for (let at = parents[i] ?? null; at !== null; at = parents[at] ?? null) chain.unshift(at);
    return chain;
  };
  const all = plans.map((p, i) => {
    const chain = ancestors(i);
    const trimmed = chain.length <= p.keep + 1 ? chain : [chain[0]!, ...chain.slice(-p.keep || chain.length)];
    return m(
      `m${i}@x`,
      [...new Set(trimmed)].map((a) => `m${a}@x`),
      { date: p.date },
    );
  });
  return all.filter((_, i) => plans[i]!.delivered);
}

function storeGroups(messages: JwzMessage[]): string[][] {
  const db = openDb(':memory:');
  const server = { host: 'h', port: 1, tls: 'none' as const };
  const account = { address: 'support@shop.example', displayName: '', imap: server, smtp: server, user: 'u' };
  const accountId = saveAccount(db, { ...account, secretRef: 'r' }, 0);
  const inbox = ensureFolder(db, accountId, 'INBOX', 'inbox').id;
  messages.forEach((msg, i) => {
    storeMessage(
      db,
      { accountId, folderId: inbox, uid: i + 1, flags: [], raw: Buffer.from(''), parsed: parsed(msg) },
      new Set(),
    );
  });
  const rows = db.prepare('SELECT message_id, thread_id FROM messages').all() as Array<{
    message_id: string;
    thread_id: number;
  }>;
  const byThread = new Map<number, string[]>();
  for (const r of rows) byThread.set(r.thread_id, [...(byThread.get(r.thread_id) ?? []), r.message_id]);
  // Code-unit order, element-wise, as threadMessages sorts its groups.
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...byThread.values()].map((g) => g.sort(byText)).sort((a, b) => byText(a.join('\n'), b.join('\n')));
}

function parsed(msg: JwzMessage): ParsedMessage {
  return {
    messageId: msg.messageId,
    inReplyTo: msg.inReplyTo,
    references: [...msg.references],
    subject: msg.subject,
    from: { name: '', address: msg.from },
    to: [],
    cc: [],
    date: msg.date,
    text: '',
    html: null,
    snippet: '',
    hasAttachments: false,
    attachments: [],
  };
}

describe('JWZ properties', () => {
  it('groups and trees do not depend on input order, even for messy headers', () => {
    const id = fc.constantFrom('a@x', 'b@x', 'c@x', 'd@x', 'e@x', '<>', 'junk');
    const messy = fc.array(
      fc.record({
        messageId: id,
        inReplyTo: fc.option(id, { nil: null }),
        references: fc.array(id, { maxLength: 4 }),
        subject: fc.constant('s'),
        date: fc.integer({ min: 0, max: 5 }),
        from: fc.constant('f@x'),
      }),
      { maxLength: 12 },
    );
    const withShuffle = messy.chain((ms) =>
      fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length })),
    );
    fc.assert(
      fc.property(withShuffle, ([ms, shuffled]) => {
        expect(threadMessages(shuffled)).toEqual(threadMessages(ms));
      }),
      { numRuns: 300 },
    );
  });

  it('groups exactly like the store’s incremental threading when headers are complete', () => {
    const withOrder = planArb.chain((plans) => {
      const messages = forest(plans);
      return fc.tuple(fc.constant(messages), fc.shuffledSubarray(messages, { minLength: messages.length }));
    });
    fc.assert(
      fc.property(withOrder, ([messages, delivery]) => {
        expect(storeGroups(delivery)).toEqual(threadMessages(messages).groups);
      }),
      { numRuns: 150 },
    );
  });
});
