import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { saveAccount } from '../../src/main/store/repos/accounts';
import { parseMessage } from '../../src/main/mail/parse';
import { composeDemoMessage } from '../../src/main/demo/mime';
import { ANSWER_DELAY_MS, composeAnswer, planAnswer } from '../../src/main/demo/answers';
import { DemoCustomers } from '../../src/main/demo/customers';
import { promiseTimeAfter, promiseTimeBefore } from '../../src/main/demo/teamEvents';
import type { ParsedMessage } from '../../src/shared/types';

const SHOP = 'support@harbourbikes.example';
const SENT_AT = Date.UTC(2026, 10, 24, 10, 0, 7);

/** A reply as the outbox builds it: from the shop to a customer, in a thread of two earlier messages. */
function replyRaw(options: { to?: string; messageId?: string; subject?: string } = {}): Buffer {
  return composeDemoMessage({
    from: 'Alice at Harbour Bikes <support@harbourbikes.example>',
    to: options.to ?? 'Gareth Hughes <gareth.hughes@mail.example>',
    subject: options.subject ?? 'Re: Brake squeal',
    messageId: `<${options.messageId ?? 'reply-1@harbourbikes.example'}>`,
    inReplyTo: '<c2@mail.example>',
    references: ['<c1@mail.example>', '<c2@mail.example>'],
    date: new Date(SENT_AT),
    baseBoundary: 'b',
    text: "Hi Gareth,\n\nThanks for your message. I'm looking into it and will get back to you by Thu 17:00.\n\nAlice",
  });
}

async function parsed(raw: Buffer): Promise<ParsedMessage> {
  const result = await parseMessage(raw, SENT_AT);
  if (!result.ok) throw new Error(result.error);
  return result.message;
}

describe('a demo customer answers a reply', () => {
  it('the customer of the reply answers within a minute, in the same thread, the same way every time', async () => {
    const reply = await parsed(replyRaw());
    const answer = planAnswer(reply, SHOP, SENT_AT);
    expect(answer).not.toBeNull();
    expect(planAnswer(reply, SHOP, SENT_AT)).toEqual(answer);
    expect(answer!.dueAt - SENT_AT).toBeGreaterThanOrEqual(ANSWER_DELAY_MS.min);
    expect(answer!.dueAt - SENT_AT).toBeLessThanOrEqual(ANSWER_DELAY_MS.max);
    expect(answer!.dueAt % 1000).toBe(SENT_AT % 1000);

    const message = await parsed(composeAnswer(answer!));
    expect(message.from).toEqual({ name: 'Gareth Hughes', address: 'gareth.hughes@mail.example' });
    expect(message.to).toEqual([{ name: 'Alice at Harbour Bikes', address: SHOP }]);
    expect(message.subject).toBe('Re: Brake squeal');
    expect(message.inReplyTo).toBe('reply-1@harbourbikes.example');
    expect(message.references).toEqual(['c1@mail.example', 'c2@mail.example', 'reply-1@harbourbikes.example']);
    expect(message.date).toBe(answer!.dueAt);
    expect(message.text).toMatch(/\n\nGareth\n\nAlice at Harbour Bikes wrote:\n> Hi Gareth,/);
  });

  it('different replies get different delays and words; a reply to the team only gets no answer', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        planAnswer(await parsed(replyRaw({ messageId: `r${i}@harbourbikes.example` })), SHOP, SENT_AT),
      ),
    );
    expect(new Set(answers.map((a) => a!.dueAt)).size).toBeGreaterThan(3);
    expect(new Set(answers.map((a) => a!.text.split('\n')[0])).size).toBeGreaterThan(2);
    const toColleague = await parsed(replyRaw({ to: 'Ben Okafor <ben@harbourbikes.example>' }));
    expect(planAnswer(toColleague, SHOP, SENT_AT)).toBeNull();
    const toNewsletter = await parsed(replyRaw({ to: 'Velo Monthly <newsletter@velomonthly.example>' }));
    expect(planAnswer(toNewsletter, SHOP, SENT_AT)).toBeNull();
    const noRe = await parsed(replyRaw({ subject: 'Opening hours' }));
    expect(planAnswer(noRe, SHOP, SENT_AT)?.subject).toBe('Re: Opening hours');
  });

  it('plans one answer per reply however often it is reported, and files it once when its time comes', async () => {
    const db = openDb(':memory:');
    const accountId = saveAccount(
      db,
      {
        address: SHOP,
        displayName: 'Harbour Bikes Support',
        imap: { host: 'demo.invalid', port: 993, tls: 'tls' },
        smtp: { host: 'demo.invalid', port: 465, tls: 'tls' },
        user: SHOP,
        secretRef: 'demo',
      },
      0,
    );
    const clock = { now: SENT_AT };
    const arrived: number[][] = [];
    const customers = new DemoCustomers({
      box: { db, accountId, address: SHOP },
      now: () => clock.now,
      arrived: (ids) => arrived.push(ids),
    });
    const first = await customers.received(replyRaw());
    expect(await customers.received(replyRaw())).toEqual(first);
    expect(customers.planned()).toEqual([first]);
    expect(await customers.received(replyRaw({ to: 'ben@harbourbikes.example', messageId: 'x@h' }))).toBeNull();

    clock.now = first!.dueAt - 1;
    expect(await customers.deliverDue()).toEqual([]);
    clock.now = first!.dueAt;
    const [a, b] = await Promise.all([customers.deliverDue(), customers.deliverDue()]);
    expect([...a!, ...b!]).toHaveLength(1);
    expect(arrived).toHaveLength(1);
    expect(customers.planned()).toEqual([]);
    const count = db.prepare('SELECT COUNT(*) AS n FROM messages WHERE message_id = ?').get(first!.messageId) as {
      n: number;
    };
    expect(count.n).toBe(1);
    db.close();
  });
});

describe('demo promise times', () => {
  const at = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h, m);
  it('land on 12:00 or 17:00 on a weekday', () => {
    // 24 Nov 2026 is a Tuesday; 28 and 29 are the weekend.
    expect(promiseTimeAfter(at(24, 9, 13))).toBe(at(24, 12));
    expect(promiseTimeAfter(at(24, 12))).toBe(at(24, 12));
    expect(promiseTimeAfter(at(24, 12, 1))).toBe(at(24, 17));
    expect(promiseTimeAfter(at(27, 17, 30))).toBe(at(30, 12));
    expect(promiseTimeBefore(at(30, 11, 59))).toBe(at(27, 17));
    expect(promiseTimeBefore(at(24, 16, 59))).toBe(at(24, 12));
  });
});
