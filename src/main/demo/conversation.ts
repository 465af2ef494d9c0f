/**
 * Builds one customer conversation message by message: the customer's first message, team
 * replies (answers, courtesy replies with a promise, the answer that keeps the promise),
 * follow-ups, replies from a person in Cc and out-of-office auto-replies.
 */
import { type Customer, type Teammate, domainOf } from './cast';
import { colleagueBody, customerBody, mentionsAttachment, paragraphs, teamBody, teamGreeting } from './compose';
import { AUTO_REPLIES, COURTESY, COURTESY_FOLLOWUP_OPENERS, GENERIC_FOLLOWUPS, THANKS, WELCOMES } from './phrases';
import { GAPS, type Gap, type PlannedMessage, type PlannedThread } from './plan';
import { SHARED, mateParty, partyOf, teamSender } from './people';
import type { DemoRandom } from './random';
import { type AttachmentKind, type Case, type Slots, type Topic, fill } from './topic';

const ATTACH_LINES: Readonly<Record<AttachmentKind, string>> = {
  photo: "I've attached a photo.",
  invoice: 'The invoice is attached.',
  quote: "I've attached a quote.",
  receipt: 'The receipt is attached.',
  purchaseOrder: 'Our purchase order is attached.',
  csv: 'The list is attached as a spreadsheet.',
  fitNotes: "I've attached the notes.",
  claimForm: 'The form is attached.',
  logo: '',
};

/**
 * The files a text brings: a text that mentions an attachment carries one (`kind`, else
 * `fallback`); otherwise, with probability `appendChance`, a `kind` file is added together
 * with a sentence saying so. A message never mentions a file it lacks, or the reverse.
 */
export function withFiles(
  random: DemoRandom,
  text: string,
  kind: AttachmentKind | undefined,
  fallback: AttachmentKind,
  appendChance: number,
): { text: string; files: AttachmentKind[] } {
  if (mentionsAttachment(text)) return { text, files: [kind ?? fallback] };
  if (kind && random.chance(appendChance)) return { text: `${text} ${ATTACH_LINES[kind]}`, files: [kind] };
  return { text, files: [] };
}

/** A conversation under construction. */
export class Conversation {
  readonly messages: PlannedMessage[] = [];
  cc: Customer | undefined;

  /** The situation within the topic that this conversation is about. */
  readonly situation: Case | undefined;
  private followupPair: readonly [string, string] | undefined;
  /** First name of the teammate who wrote the last team message, for the customer's greeting. */
  private lastMate: string | undefined;

  constructor(
    private readonly random: DemoRandom,
    readonly customer: Customer,
    readonly slots: Slots,
    readonly topic?: Topic,
  ) {
    const kind = customer.org?.kind;
    const cases = topic?.cases.filter((c) => !c.orgKinds || (kind !== undefined && c.orgKinds.includes(kind))) ?? [];
    this.situation = cases.length > 0 ? random.pick(cases) : undefined;
  }

  private base(kind: PlannedMessage['kind'], gap: Gap): PlannedMessage {
    return {
      kind,
      from: SHARED,
      to: [],
      cc: [],
      body: '',
      html: false,
      outlook: false,
      quote: false,
      files: [],
      inlinePhoto: false,
      headers: {},
      gap,
      at: 0,
    };
  }

  /** A message from `writer` (the customer or the Cc'd colleague) to the shared mailbox. */
  fromCustomer(writer: Customer, middle: string, files: AttachmentKind[], gap: Gap, greet = true): PlannedMessage {
    const message = this.base('customer', gap);
    message.from = partyOf(writer);
    message.to = [SHARED];
    const other = writer === this.customer ? this.cc : this.customer;
    message.cc = other ? [partyOf(other)] : [];
    message.body = customerBody(this.random, writer, middle, {
      greet,
      ...(this.lastMate ? { replyingTo: this.lastMate } : {}),
    });
    message.html = writer.html;
    message.outlook = writer.org?.outlook ?? false;
    message.quote = this.messages.length > 0 && this.random.chance(0.7);
    message.files = files;
    message.inlinePhoto = writer.html && files.includes('photo') && this.random.chance(0.9);
    this.messages.push(message);
    return message;
  }

  /**
   * A reply from the shared mailbox, signed by `mate`, to the last writer (copying the other).
   * `opener` adds a "Thanks for your email." line; 'bare' also leaves out the closing line.
   */
  fromTeam(
    mate: Teammate,
    middle: string,
    files: AttachmentKind[],
    gap: Gap,
    opener: boolean | 'bare' = true,
  ): PlannedMessage {
    const message = this.base('team', gap);
    const last = this.messages[this.messages.length - 1];
    const replyToCc = this.cc !== undefined && last?.from.address === this.cc.address;
    const addressee = replyToCc && this.cc ? this.cc : this.customer;
    message.from = teamSender(mate);
    this.lastMate = mate.first;
    message.to = [partyOf(addressee)];
    const other = addressee === this.customer ? this.cc : this.customer;
    message.cc = other ? [partyOf(other)] : [];
    message.body = teamBody(this.random, mate, teamGreeting(this.random, addressee), middle, {
      opener: opener === true,
      closer: opener !== 'bare',
    });
    message.quote = this.messages.length > 0 && this.random.chance(0.85);
    message.files = files;
    this.messages.push(message);
    return message;
  }

  /** A teammate writing to the shared mailbox from their own address: an internal customer. */
  fromColleague(writer: Teammate, text: string): PlannedMessage {
    const message = this.base('colleague', GAPS.first);
    message.from = mateParty(writer);
    message.to = [SHARED];
    message.body = colleagueBody(this.random, writer, '', text);
    this.messages.push(message);
    return message;
  }

  /** The shared mailbox answering a colleague, informally and without the customer signature. */
  toColleague(answerer: Teammate, writer: Teammate, text: string): PlannedMessage {
    const message = this.base('team', GAPS.teamReply(this.random));
    message.from = teamSender(answerer);
    message.to = [mateParty(writer)];
    message.body = colleagueBody(this.random, answerer, writer.first, text);
    message.quote = this.random.chance(0.85);
    this.messages.push(message);
    return message;
  }

  /** The customer's first message about the topic. */
  opening(gap: Gap = GAPS.first): PlannedMessage {
    const situation = this.requireCase();
    const detail = this.random.chance(0.75) ? this.random.pick(situation.details) : '';
    const ask = this.random.pick(situation.asks);
    const joined = this.random.chance(0.5) && detail !== '';
    const middle = paragraphs(
      [joined ? `${situation.opening} ${detail}` : situation.opening, joined ? '' : detail, ask],
      this.slots,
    );
    const { text, files } = withFiles(this.random, middle, situation.customerFile, 'photo', 0.35);
    return this.fromCustomer(this.customer, text, files, gap);
  }

  /** The team's answer to the opening. */
  answer(mate: Teammate, gap: Gap = GAPS.teamReply(this.random)): PlannedMessage {
    const situation = this.requireCase();
    const { text, files } = withFiles(
      this.random,
      fill(this.random.pick(situation.replies), this.slots),
      situation.teamFile,
      'quote',
      0,
    );
    return this.fromTeam(mate, text, files, gap);
  }

  /** A customer's follow-up question, from the customer or the colleague in Cc. */
  followup(writer: Customer = this.customer, gap: Gap = GAPS.customerReply): PlannedMessage {
    const situation = this.requireCase();
    this.followupPair = this.random.pick(situation.followups.length > 0 ? situation.followups : GENERIC_FOLLOWUPS);
    const question = paragraphs([this.followupPair[0]], this.slots);
    const { text, files } = withFiles(this.random, question, situation.customerFile, 'photo', 0);
    return this.fromCustomer(writer, text, files, gap, this.random.chance(0.5));
  }

  /** The team's answer to the follow-up. */
  secondAnswer(mate: Teammate, gap: Gap = GAPS.teamReply(this.random)): PlannedMessage {
    const situation = this.requireCase();
    const pair = this.followupPair ?? (GENERIC_FOLLOWUPS[0] as readonly [string, string]);
    const { text, files } = withFiles(this.random, paragraphs([pair[1]], this.slots), situation.teamFile, 'quote', 0);
    return this.fromTeam(mate, text, files, gap, false);
  }

  /** A short thank-you that closes the conversation from the customer's side. */
  thanks(mate: Teammate, gap: Gap = GAPS.customerReply): PlannedMessage {
    const text = fill(this.random.pick(THANKS), { ...this.slots, team: mate.first });
    return this.fromCustomer(this.customer, text, [], gap, this.random.chance(0.3));
  }

  /** The team's one-line answer to a thank-you. */
  welcome(mate: Teammate): PlannedMessage {
    return this.fromTeam(mate, this.random.pick(WELCOMES), [], GAPS.teamQuick, 'bare');
  }

  /** A courtesy reply promising a full answer by a given day; returns that promise's offset in days. */
  courtesy(mate: Teammate): number {
    const template = this.random.pick(COURTESY);
    const days = Number(/\{day\+(\d+)\}[^{]*$/.exec(template)?.[1] ?? '2');
    this.fromTeam(mate, fill(template, this.slots), [], GAPS.teamQuick, false);
    return days;
  }

  /** The full answer after a courtesy reply, `days` after it (late when past the promise). */
  keptPromise(mate: Teammate, days: number, late: boolean): PlannedMessage {
    const situation = this.requireCase();
    const reply = fill(this.random.pick(situation.replies), this.slots);
    const { text, files } = withFiles(this.random, reply, situation.teamFile, 'quote', 0);
    const opener = late
      ? (COURTESY_FOLLOWUP_OPENERS[1] as string)
      : this.random.pick(COURTESY_FOLLOWUP_OPENERS.filter((_, i) => i !== 1));
    return this.fromTeam(mate, `${opener} ${text}`, files, { kind: 'days', days }, false);
  }

  /** An out-of-office reply from the customer's mail system to the last team message. */
  autoReply(): PlannedMessage {
    const message = this.base('auto', GAPS.auto);
    const pool = this.customer.org ? AUTO_REPLIES.organisation : AUTO_REPLIES.personal;
    message.from = partyOf(this.customer);
    message.to = [SHARED];
    message.body = fill(this.random.pick(pool), { ...this.slots, org: this.customer.org?.name ?? '' });
    message.outlook = this.customer.org?.outlook ?? false;
    message.subjectPrefix = message.outlook ? 'Automatic reply: ' : 'Out of office: ';
    message.headers = { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' };
    message.html = message.outlook;
    this.messages.push(message);
    return message;
  }

  /** The thread, with the subject taken from the topic unless given. */
  finish(subject: string, lastAge: readonly [number, number]): PlannedThread {
    return { subject: fill(subject, this.slots), messages: this.messages, slots: this.slots, lastAge };
  }

  private requireCase(): Case {
    if (!this.situation) throw new Error('this conversation has no topic');
    return this.situation;
  }
}

/** The domain a message's Message-ID is made in: the sender's. */
export function idDomain(message: PlannedMessage): string {
  return domainOf(message.from.address);
}
