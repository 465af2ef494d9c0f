/**
 * The shape of a demo conversation topic and the slot filling its templates use.
 *
 * Templates hold `{slot}` names filled when the thread is planned (names, bikes, order
 * numbers) and `{day+N}` / `{date+N}` filled when the message is rendered, from the
 * message's own final Date: the weekday or date N days later. Date-relative slots are
 * rendered late because thread times are shifted after planning.
 */
import type { OrgKind, TeamRole } from './cast';
import type { DemoRandom } from './random';

/** What kind of file a message in a topic may carry. */
export type AttachmentKind =
  'photo' | 'invoice' | 'quote' | 'receipt' | 'purchaseOrder' | 'csv' | 'fitNotes' | 'claimForm' | 'logo';

/** Who a topic suits. */
export type Audience = 'any' | 'individual' | 'organisation';

/** One situation within a topic: everything in it belongs together, so the replies fit the question. */
export interface Case {
  subjects: readonly string[];
  /** First paragraph of the customer's message. */
  opening: string;
  /** Optional extra sentences, one is picked (or none). */
  details: readonly string[];
  /** The customer's question. */
  asks: readonly string[];
  /** The team's answer. */
  replies: readonly string[];
  /** A customer's further question and the team's answer to it. */
  followups: ReadonlyArray<readonly [question: string, answer: string]>;
  /** A file the customer's first message or the team's first answer may carry. */
  customerFile?: AttachmentKind;
  teamFile?: AttachmentKind;
  /** Only for organisations of these kinds. */
  orgKinds?: readonly OrgKind[];
}

/** One kind of customer conversation. */
export interface Topic {
  key: string;
  /** The teammate role who usually answers. */
  role: TeamRole;
  audience: Audience;
  cases: readonly Case[];
}

/** Slot values for one thread. */
export type Slots = Readonly<Record<string, string>>;

const BIKES = [
  'Kestrel Tour 7 hybrid',
  'Brigantine gravel bike',
  'Swallow folding bike',
  'Otter cargo e-bike',
  'Corsair road bike',
  'Heron step-through e-bike',
  'Puffin 24-inch kids bike',
  'Shoreline touring bike',
  'Ridgeback-style commuter',
  'Tidewater mountain bike',
  'Gannet e-MTB',
  'Marlin single-speed',
] as const;

const EBIKES = ['Otter cargo e-bike', 'Heron step-through e-bike', 'Gannet e-MTB', 'Kestrel E-Tour hybrid'] as const;

const PARTS = [
  '11-speed rear derailleur',
  'set of hydraulic disc brake pads',
  'pair of 700x35 puncture-resistant tyres',
  '36V battery charger',
  'bottom bracket',
  'chain and cassette',
  'front wheel with dynamo hub',
  'set of full-length mudguards',
  'rear pannier rack',
  'kickstand for a cargo bike',
  'child seat and mounting bracket',
  '160mm disc rotor',
  'replacement gear hanger',
  'pair of flat pedals',
] as const;

const COURIERS = ['Parcelwise', 'DashFreight', 'Coastline Couriers', 'ParcelPoint'] as const;
const SIZES = ['small (15")', 'medium (17")', 'large (19")', '52cm', '54cm', '56cm', 'M', 'L'] as const;
const TIMES = ['9:00', '9:30', '10:00', '11:30', '13:00', '14:30', '15:00', '16:30'] as const;
const KIDS = ['my daughter', 'my son', 'our eldest', 'my nephew', 'our youngest'] as const;

/** Draws the per-thread slot values every topic can use. */
export function drawSlots(random: DemoRandom, base: Record<string, string>): Slots {
  const parts = random.sample(PARTS, 2);
  const pounds = (min: number, max: number): string =>
    `£${random.int(min, max)}.${random.pick(['00', '50', '99', '00'])}`;
  return {
    bike: random.pick(BIKES),
    ebike: random.pick(EBIKES),
    part: parts[0] as string,
    part2: parts[1] as string,
    order: `HB-${random.int(20400, 23900)}`,
    invoice: `INV-${random.int(4100, 4990)}`,
    job: `WS-${random.int(1200, 1990)}`,
    po: `PO-${random.int(100000, 999999)}`,
    price: pounds(18, 240),
    bigPrice: pounds(450, 2600),
    courier: random.pick(COURIERS),
    tracking: `PW${random.int(10000000, 99999999)}GB`,
    size: random.pick(SIZES),
    time: random.pick(TIMES),
    kid: random.pick(KIDS),
    qty: String(random.int(4, 18)),
    weeks: String(random.int(2, 5)),
    ...base,
  };
}

/** Fills plan-time `{slot}` names; date slots (`{day+N}`, `{date+N}`) are left for render time. */
export function fill(template: string, slots: Slots): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => slots[name] ?? whole);
}

/** Day and month names for the demo's English text (dates are UTC). */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const DAY_MS = 86_400_000;

/** Weekday name of a UTC timestamp. */
export function weekdayName(ms: number): string {
  return WEEKDAYS[new Date(ms).getUTCDay()] as string;
}

/** "14 June" for a UTC timestamp. */
export function dayMonth(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] as string}`;
}

/** Moves a timestamp forward past Sunday, when the shop is closed. */
export function skipSunday(ms: number): number {
  return new Date(ms).getUTCDay() === 0 ? ms + DAY_MS : ms;
}

/** Fills `{day+N}` and `{date+N}` relative to `messageDate`; days that fall on a Sunday move to Monday. */
export function fillDates(text: string, messageDate: number): string {
  return text.replace(/\{(day|date)\+(\d+)\}/g, (_whole, kind: string, n: string) => {
    const at = skipSunday(messageDate + Number(n) * DAY_MS);
    return kind === 'day' ? weekdayName(at) : dayMonth(at);
  });
}
