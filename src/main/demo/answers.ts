/**
 * What a demo customer writes back to a reply the team sent from the demo: who answers, when
 * (within a minute, so a newcomer sees the reply clock start again) and the message
 * itself. Pure and deterministic: the same reply gives the same answer at the same delay.
 */
import type { ParsedMessage, Person } from '../../shared/types';
import { formatAddress } from '../../shared/address';
import { domainOf } from './cast';
import { composeDemoMessage } from './mime';
import { DemoRandom } from './random';

/** A customer's answer to one reply, waiting for its time. */
export interface DemoAnswer {
  /** The Message-ID of the team's reply it answers (one answer per reply). */
  answers: string;
  /** When the customer sends it (ms since epoch). */
  dueAt: number;
  messageId: string;
  from: Person;
  /** Who the answer goes to: the reply's sender, as the customer's mail client shows it. */
  to: Person;
  subject: string;
  references: string[];
  text: string;
}

/** How long a demo customer takes to answer. */
export const ANSWER_DELAY_MS = { min: 20_000, max: 55_000 } as const;

/** What customers say back: fits both a courtesy reply and a real answer, and asks for one more reply. */
const ANSWERS = [
  'Thanks for getting back to me so quickly. One more thing while I have you: could you check whether you have a spare key for the lock too?',
  'Great, thank you. Quick question meanwhile: is it all right if I keep riding it to work until then?',
  "Thanks! I've just remembered that my partner's bike makes the same noise. Could you look at both if I bring them in together?",
  'Cheers for the update. Can I pay by card when I collect, or would you rather have a bank transfer?',
  "Thank you. Just so I can plan: are you open on Saturday morning? That's the easiest time for me to drop by.",
] as const;

/** A small stable number for a string (FNV-1a), the seed of everything about one answer. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Addresses no person reads (newsletters, notifications): nobody answers from them. */
const UNATTENDED = /^(no-?reply|do-?not-?reply|newsletter|news|notifications?|mailer-daemon|postmaster)@/i;

/** The customer a reply went to: the first To outside the shop's own domain that a person reads, or null. */
export function customerOf(reply: Pick<ParsedMessage, 'to'>, shopAddress: string): Person | null {
  const shop = domainOf(shopAddress.toLowerCase());
  const person = (p: Person) => p.address.includes('@') && !UNATTENDED.test(p.address);
  return reply.to.find((p) => person(p) && domainOf(p.address.toLowerCase()) !== shop) ?? null;
}

function firstName(person: Person): string {
  const name = person.name.trim();
  return name ? (name.split(/\s+/)[0] ?? name) : (person.address.split('@')[0] ?? person.address);
}

/** The reply's first lines, quoted the way a mail client does under the answer. */
function quoted(reply: Pick<ParsedMessage, 'text' | 'from'>): string {
  const lines = reply.text.trim().split(/\r?\n/).slice(0, 6);
  return [`${reply.from.name || reply.from.address} wrote:`, ...lines.map((l) => `> ${l}`)].join('\n');
}

/**
 * The answer the customer of `reply` sends back, `ANSWER_DELAY_MS` after `sentAt`; null when
 * the reply went to nobody outside the shop (a colleague, a forward to the team).
 */
export function planAnswer(reply: ParsedMessage, shopAddress: string, sentAt: number): DemoAnswer | null {
  const customer = customerOf(reply, shopAddress);
  if (!customer) return null;
  const random = new DemoRandom(seedOf(reply.messageId));
  const delay = random.int(ANSWER_DELAY_MS.min / 1000, ANSWER_DELAY_MS.max / 1000) * 1000;
  const body = random.pick(ANSWERS);
  return {
    answers: reply.messageId,
    dueAt: sentAt + delay,
    messageId: `answer-${random.hex(12)}@${domainOf(customer.address.toLowerCase())}`,
    from: customer,
    to:
      reply.from.address.toLowerCase() === shopAddress.toLowerCase() ? reply.from : { name: '', address: shopAddress },
    subject: /^re:/i.test(reply.subject.trim()) ? reply.subject : `Re: ${reply.subject}`,
    references: [...reply.references, reply.messageId],
    text: `${body}\n\n${firstName(customer)}\n\n${quoted(reply)}\n`,
  };
}

/** The answer as the RFC 5322 message the customer's mail client would send. */
export function composeAnswer(answer: DemoAnswer): Buffer {
  return composeDemoMessage({
    from: formatAddress(answer.from),
    to: formatAddress(answer.to),
    subject: answer.subject,
    messageId: `<${answer.messageId}>`,
    inReplyTo: `<${answer.answers}>`,
    references: answer.references.map((r) => `<${r}>`),
    date: new Date(answer.dueAt),
    baseBoundary: answer.messageId,
    text: answer.text,
  });
}
