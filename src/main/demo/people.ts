/**
 * Choosing who writes each demo thread and which topic they write about: everybody in the
 * cast writes at least once, a handful of regulars write several times, and organisations'
 * people get organisation topics.
 */
import {
  INDIVIDUAL_CUSTOMERS,
  ORGANISATION_CUSTOMERS,
  SHOP,
  TEAM,
  type Customer,
  type TeamRole,
  type Teammate,
} from './cast';
import type { Party } from './plan';
import type { DemoRandom } from './random';
import type { Topic } from './topic';
import { ACCOUNTS_TOPICS } from './topics-accounts';
import { SHOP_TOPICS } from './topics-shop';
import { WORKSHOP_TOPICS } from './topics-workshop';

/** Every customer topic. */
export const TOPICS: readonly Topic[] = [...SHOP_TOPICS, ...WORKSHOP_TOPICS, ...ACCOUNTS_TOPICS];

const TOPIC_WEIGHTS: Readonly<Record<string, number>> = {
  repair: 14,
  booking: 12,
  order: 12,
  delivery: 9,
  parts: 9,
  invoice: 8,
  ebike: 7,
  warranty: 6,
  refund: 6,
  fitting: 5,
  comeback: 4,
  kids: 4,
  cyclescheme: 3,
  hire: 3,
  fleet: 14,
  groupOrder: 6,
};

/** Hands out customers: first everyone once in random order, then favouring regulars. */
export class CustomerPicker {
  private readonly unused: Customer[];
  private readonly weighted: Customer[] = [];

  constructor(private readonly random: DemoRandom) {
    const everyone = [...INDIVIDUAL_CUSTOMERS, ...ORGANISATION_CUSTOMERS].filter((c) => c.org?.kind !== 'supplier');
    this.unused = random.shuffle(everyone);
    const regulars = new Set(random.sample(everyone, 14));
    for (const customer of everyone) {
      const weight = regulars.has(customer) ? 6 : 1;
      for (let i = 0; i < weight; i++) this.weighted.push(customer);
    }
  }

  /** The next customer who satisfies `accept`. */
  next(accept: (c: Customer) => boolean = () => true): Customer {
    const index = this.unused.findIndex(accept);
    if (index >= 0) return this.unused.splice(index, 1)[0] as Customer;
    const pool = this.weighted.filter(accept);
    return this.random.pick(pool.length > 0 ? pool : this.weighted);
  }
}

/** A topic that suits the customer, weighted towards everyday ones. */
export function topicFor(random: DemoRandom, customer: Customer): Topic {
  const fits = TOPICS.filter((t) =>
    t.audience === 'any'
      ? true
      : t.audience === 'organisation'
        ? customer.org !== undefined
        : customer.org === undefined,
  );
  const total = fits.reduce((sum, t) => sum + (TOPIC_WEIGHTS[t.key] ?? 1), 0);
  let roll = random.next() * total;
  for (const topic of fits) {
    roll -= TOPIC_WEIGHTS[topic.key] ?? 1;
    if (roll < 0) return topic;
  }
  return fits[fits.length - 1] as Topic;
}

/** The teammate who answers a topic: usually the one whose job it is. */
export function teammateFor(random: DemoRandom, role: TeamRole): Teammate {
  const owner = TEAM.find((m) => m.role === role) ?? (TEAM[0] as Teammate);
  return random.chance(0.75) ? owner : random.pick(TEAM);
}

/** The shared mailbox as a team reply's sender: "Alice at Harbour Bikes". */
export function teamSender(mate: Teammate): Party {
  return { name: `${mate.first} at ${SHOP.name}`, address: SHOP.address };
}

/** The shared mailbox as a recipient. */
export const SHARED: Party = { name: SHOP.displayName, address: SHOP.address };

/** A customer as a party. */
export function partyOf(customer: Customer): Party {
  return customer.bare
    ? { address: customer.address }
    : { name: `${customer.first} ${customer.last}`, address: customer.address };
}

/** A teammate's own address as a party. */
export function mateParty(mate: Teammate): Party {
  return { name: mate.name, address: mate.address };
}

/** A teammate in the role of an internal customer writing to the shared mailbox. */
export function asCustomer(mate: Teammate): Customer {
  const [first, ...rest] = mate.name.split(' ');
  return { first: first ?? mate.first, last: rest.join(' '), address: mate.address, voice: 'casual', html: false };
}
