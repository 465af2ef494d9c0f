/**
 * The thread shapes of the demo mailbox and how many of each: unanswered messages (fresh and
 * overdue), answered ones, back-and-forth, follow-ups still waiting, courtesy replies with
 * promises kept, broken and still open, Cc'd colleagues joining in, out-of-office replies,
 * colleagues writing to the shared mailbox, messages the shop starts, long conversations and
 * newsletters.
 */
import { ORGANISATION_CUSTOMERS, TEAM, colleaguesOf, type Customer, type Teammate } from './cast';
import { paragraphs } from './compose';
import { Conversation, withFiles } from './conversation';
import { LONG_SCRIPTS, type LongScript } from './longConversations';
import { newsletterThreads } from './newsletters';
import { COLLEAGUE_NOTES, OUTBOUND, SUPPLIER_THREADS } from './phrases';
import { CustomerPicker, asCustomer, teammateFor, topicFor } from './people';
import { DAY, GAPS, HOUR, ordinaryAge, type Gap, type PlannedThread } from './plan';
import type { DemoRandom } from './random';
import { drawSlots, fill } from './topic';

type Shape = (factory: ThreadFactory) => PlannedThread;

const MINUTE = 60_000;

/** Plans every thread of the demo mailbox. */
export class ThreadFactory {
  readonly customers: CustomerPicker;

  constructor(readonly random: DemoRandom) {
    this.customers = new CustomerPicker(random.fork());
  }

  /** A new conversation with a fresh customer (optionally one with colleagues to copy in). */
  conversation(accept?: (c: Customer) => boolean): { c: Conversation; mate: Teammate } {
    const customer = this.customers.next(accept);
    const topic = topicFor(this.random, customer);
    const slots = drawSlots(this.random, { first: customer.first, org: customer.org?.name ?? 'our club' });
    const c = new Conversation(this.random, customer, slots, topic);
    return { c, mate: teammateFor(this.random, topic.role) };
  }

  /** One of the subjects people use for the conversation's situation. */
  subject(c: Conversation): string {
    return this.random.pick(c.situation?.subjects ?? ['Question']);
  }

  /** Plans all threads, in a shuffled order. */
  plan(): PlannedThread[] {
    const threads: PlannedThread[] = [];
    for (const [shape, count] of SHAPES) for (let i = 0; i < count; i++) threads.push(shape(this));
    LONG_PLAN.forEach((index, n) => threads.push(this.long(LONG_SCRIPTS[index] as LongScript, n)));
    COLLEAGUE_NOTES.forEach((_, n) => threads.push(this.colleague(n)));
    SUPPLIER_THREADS.forEach((_, n) => threads.push(this.supplier(n)));
    threads.push(...newsletterThreads(this.random));
    return this.random.shuffle(threads);
  }

  /** A scripted long conversation, cut to 8-15 messages. */
  long(script: LongScript, n: number): PlannedThread {
    const customer = script.org
      ? (ORGANISATION_CUSTOMERS.find((p) => p.org?.key === script.org) as Customer)
      : this.customers.next((p) => p.org === undefined && p.html);
    const slots = drawSlots(this.random, { first: customer.first, org: customer.org?.name ?? '' });
    const c = new Conversation(this.random, customer, slots);
    c.cc = script.org ? colleaguesOf(customer)[0] : undefined;
    const mate = teammateFor(this.random, script.role);
    const length = Math.max(8, script.steps.length - (n >= LONG_SCRIPTS.length ? this.random.int(1, 3) : 0));
    for (const step of script.steps.slice(0, length)) {
      const text = paragraphs([step.text], slots);
      const files = step.file ? [step.file] : [];
      const story: Gap | undefined = step.after ? { kind: 'days', days: step.after } : undefined;
      const customerGap: Gap = { kind: 'customer', minHours: 4, maxHours: 72 };
      if (step.who === 'team') c.fromTeam(mate, text, files, story ?? GAPS.teamReply(this.random), false);
      else if (step.who === 'cc' && c.cc) c.fromCustomer(c.cc, text, files, story ?? GAPS.ccReply);
      else c.fromCustomer(customer, text, files, story ?? customerGap, this.random.chance(0.6));
    }
    const last = c.messages[c.messages.length - 1];
    const age: readonly [number, number] = last?.kind === 'customer' ? [2 * HOUR, 3 * DAY] : [1 * DAY, 40 * DAY];
    return c.finish(script.subject, age);
  }

  /** A teammate writing to the shared mailbox, answered by another teammate. */
  colleague(n: number): PlannedThread {
    const note = COLLEAGUE_NOTES[n] as (typeof COLLEAGUE_NOTES)[number];
    const writer = TEAM[n % TEAM.length] as Teammate;
    const answerer = TEAM[(n + 1 + this.random.int(0, 2)) % TEAM.length] as Teammate;
    const c = new Conversation(this.random, asCustomer(writer), {});
    c.fromColleague(writer, note.body);
    // Internal customers get the same clock: a couple of these are still waiting.
    const unanswered = n % 4 === 3;
    if (!unanswered) c.toColleague(answerer, writer, note.reply);
    const age: readonly [number, number] = unanswered ? [30 * MINUTE, 30 * HOUR] : ordinaryAge(this.random);
    return c.finish(note.subject, age);
  }

  /** The shop writing to its parts supplier. */
  supplier(n: number): PlannedThread {
    const entry = SUPPLIER_THREADS[n] as (typeof SUPPLIER_THREADS)[number];
    const contact = ORGANISATION_CUSTOMERS.filter((p) => p.org?.kind === 'supplier')[n % 2] as Customer;
    const slots = drawSlots(this.random, { first: contact.first });
    const c = new Conversation(this.random, contact, slots);
    const mate = TEAM[n === 1 ? 1 : 3] as Teammate;
    const ask = withFiles(this.random, fill(entry.ask, slots), undefined, 'photo', 0);
    c.fromTeam(mate, ask.text, ask.files, GAPS.first, 'bare');
    c.fromCustomer(contact, fill(entry.answer, slots), [], { kind: 'team', minHours: 1, maxHours: 8 });
    c.fromTeam(mate, fill(entry.thanks, slots), [], GAPS.teamQuick, 'bare');
    return c.finish(entry.subject, ordinaryAge(this.random));
  }
}

/** Which long scripts run: each once, and two of them again with another customer. */
const LONG_PLAN: readonly number[] = [0, 1, 2, 3, 4, 5, 1, 3];

function outbound(f: ThreadFactory): PlannedThread {
  const { c, mate } = f.conversation();
  const entry = f.random.pick(OUTBOUND);
  const [reply, ack] = f.random.pick(entry.replies);
  c.fromTeam(mate, paragraphs([entry.body], c.slots), [], GAPS.first, false);
  c.fromCustomer(c.customer, paragraphs([reply], c.slots), [], GAPS.customerReply, f.random.chance(0.5));
  if (f.random.chance(0.6)) c.fromTeam(mate, paragraphs([ack], c.slots), [], GAPS.teamQuick, 'bare');
  return c.finish(entry.subject, ordinaryAge(f.random));
}

/** Shapes with their counts; together with the fixed ones they make well over 300 threads. */
const SHAPES: ReadonlyArray<readonly [Shape, number]> = [
  // A fresh message nobody has answered yet (inside the courtesy window).
  [
    (f) => {
      const { c } = f.conversation();
      c.opening();
      return c.finish(f.subject(c), [5 * MINUTE, 20 * HOUR]);
    },
    16,
  ],
  // Unanswered for more than a day: overdue.
  [
    (f) => {
      const { c } = f.conversation();
      c.opening();
      return c.finish(f.subject(c), f.random.chance(0.8) ? [26 * HOUR, 6 * DAY] : [7 * DAY, 21 * DAY]);
    },
    12,
  ],
  // Answered once.
  [
    (f) => {
      const { c, mate } = f.conversation();
      c.opening();
      c.answer(mate);
      return c.finish(f.subject(c), ordinaryAge(f.random));
    },
    135,
  ],
  // Answered, then the customer said thanks.
  [
    (f) => {
      const { c, mate } = f.conversation();
      c.opening();
      c.answer(mate);
      c.thanks(mate);
      if (f.random.chance(0.35)) c.welcome(mate);
      return c.finish(f.subject(c), ordinaryAge(f.random));
    },
    42,
  ],
  // Back and forth, sometimes closed with thanks.
  [
    (f) => {
      const { c, mate } = f.conversation();
      c.opening();
      c.answer(mate);
      c.followup();
      c.secondAnswer(f.random.chance(0.8) ? mate : teammateFor(f.random, 'owner'));
      if (f.random.chance(0.45)) c.thanks(mate);
      return c.finish(f.subject(c), ordinaryAge(f.random));
    },
    38,
  ],
  // The customer came back with a question that is still waiting: some fresh, some overdue.
  [
    (f) => {
      const { c, mate } = f.conversation();
      c.opening();
      c.answer(mate);
      c.followup();
      return c.finish(f.subject(c), f.random.chance(0.5) ? [10 * MINUTE, 6 * HOUR] : [28 * HOUR, 5 * DAY]);
    },
    14,
  ],
  // A colleague in Cc answers too.
  [
    (f) => {
      const { c, mate } = f.conversation((p) => colleaguesOf(p).length > 0);
      c.cc = f.random.pick(colleaguesOf(c.customer));
      c.opening();
      c.answer(mate);
      c.followup(c.cc, GAPS.ccReply);
      if (f.random.chance(0.7)) c.secondAnswer(mate);
      return c.finish(f.subject(c), ordinaryAge(f.random));
    },
    11,
  ],
  // Courtesy reply; the promise is kept, broken (late answer) or still open.
  [
    (f) => {
      const { c, mate } = f.conversation();
      c.opening();
      const days = c.courtesy(mate);
      const roll = f.random.next();
      if (roll < 0.3) return c.finish(f.subject(c), [2 * HOUR, 20 * HOUR]);
      const late = roll > 0.8;
      c.keptPromise(mate, late ? days + f.random.int(1, 2) : f.random.int(1, days), late);
      if (f.random.chance(0.45)) c.thanks(mate);
      return c.finish(f.subject(c), ordinaryAge(f.random));
    },
    13,
  ],
  // Out-of-office reply to the team's answer; sometimes the customer writes later.
  [
    (f) => {
      const { c, mate } = f.conversation();
      c.opening();
      c.answer(mate);
      c.autoReply();
      if (f.random.chance(0.5)) c.thanks(mate, GAPS.later);
      return c.finish(f.subject(c), ordinaryAge(f.random));
    },
    7,
  ],
  // The shop writes first.
  [outbound, 12],
];
