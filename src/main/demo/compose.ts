/**
 * Assembles the plain-text body of one demo message from the phrase tables: greeting,
 * paragraphs, sign-off and signature, in the writer's voice. Quoting of the previous
 * message is added later, at render time, once every date is final.
 */
import { SHOP, type Customer, type Teammate, fullName } from './cast';
import { GREETINGS, SIGNOFFS, TEAM_CLOSERS, TEAM_OPENERS, TEAM_VALEDICTIONS } from './phrases';
import type { DemoRandom } from './random';
import { fill, type Slots } from './topic';

/** Capitalises the first letter of a paragraph that starts with a lower-case slot value. */
function capitalise(paragraph: string): string {
  return paragraph.replace(/^[a-z]/, (c) => c.toUpperCase());
}

/** Whether a text says a file is attached; such texts must travel with a file and others must not. */
export function mentionsAttachment(text: string): boolean {
  return /attach/i.test(text);
}

/** Joins the non-empty paragraphs with blank lines, filled and capitalised. */
export function paragraphs(parts: ReadonlyArray<string | undefined>, slots: Slots): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => capitalise(fill(p, slots)))
    .join('\n\n');
}

/** A small stable number for a string (FNV-1a), so a person keeps the same phone number. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The name block a customer signs with. */
export function customerSignature(customer: Customer): string {
  if (customer.org && customer.role) {
    const lines = [fullName(customer), customer.role, customer.org.name];
    if (customer.voice === 'formal') lines.push(`Tel. 01632 96${1000 + (stableHash(customer.address) % 9000)}`);
    return lines.join('\n');
  }
  if (customer.voice === 'formal') return fullName(customer);
  return customer.first;
}

/**
 * A customer's message: greeting, the given paragraphs, sign-off, name. A reply greets the
 * teammate who wrote last (`replyingTo`) or nobody; a first message uses the voice's greeting.
 */
export function customerBody(
  random: DemoRandom,
  customer: Customer,
  middle: string,
  options: { greet?: boolean; replyingTo?: string } = {},
): string {
  let greeting = '';
  if (options.greet !== false && options.replyingTo) {
    const name = options.replyingTo;
    const thanksAlready = /thank/i.test(middle.slice(0, 40));
    const casual = thanksAlready ? [`Hi ${name},`, `${name},`] : [`Hi ${name},`, `Thanks ${name},`, `${name},`];
    greeting = random.pick(customer.voice === 'formal' ? [`Dear ${name},`, `Hello ${name},`] : casual);
  } else if (options.greet !== false) {
    greeting = random.pick(GREETINGS[customer.voice]);
  }
  const signoff = random.pick(SIGNOFFS[customer.voice]);
  const name = customerSignature(customer);
  const tail = signoff ? `${signoff}\n${name}` : name;
  return [greeting, middle, tail].filter((p) => p !== '').join('\n\n');
}

/** The block under "-- " (RFC 3676 §4.3 signature separator) in every team reply. */
export function teamSignature(mate: Teammate): string {
  return `-- \n${mate.name} · ${mate.title}\n${SHOP.name} · ${SHOP.street}\n${SHOP.phone} · ${SHOP.web}`;
}

/** The greeting a teammate uses for this customer. */
export function teamGreeting(random: DemoRandom, customer: Customer): string {
  if (customer.voice === 'formal') return `${random.pick(['Dear', 'Hello'])} ${customer.first},`;
  return `${random.pick(['Hi', 'Hi', 'Hello'])} ${customer.first},`;
}

/** A team reply: greeting, optional opener, the answer, optional closer, valediction and signature. */
export function teamBody(
  random: DemoRandom,
  mate: Teammate,
  greeting: string,
  middle: string,
  options: { opener?: boolean; closer?: boolean } = {},
): string {
  const opener = options.opener === false ? '' : random.pick(TEAM_OPENERS);
  const closer = options.closer === false ? '' : random.pick(TEAM_CLOSERS);
  const body = opener ? `${opener} ${middle}` : middle;
  const sign = `${random.pick(TEAM_VALEDICTIONS)}\n${mate.first}`;
  return [greeting, body, closer, sign, teamSignature(mate)].filter((p) => p !== '').join('\n\n');
}

/** A short note between colleagues (no formal signature). */
export function colleagueBody(random: DemoRandom, from: Teammate, to: string, text: string): string {
  const greeting = to
    ? `${random.pick(['Hi', 'Hey', 'Thanks'])} ${to},`
    : random.pick(['Hi all,', 'Hi team,', 'Morning all,']);
  return `${greeting}\n\n${text}\n\n${from.first}`;
}
