/**
 * The people of the demo mailbox: the Harbour Bikes team and their customers. Every address
 * uses an `.example` domain (RFC 2606), so nothing here can ever reach a real person.
 */

/** The shop's shared mailbox. */
export const SHOP = {
  name: 'Harbour Bikes',
  address: 'support@harbourbikes.example',
  displayName: 'Harbour Bikes Support',
  domain: 'harbourbikes.example',
  street: '3 Quay Street, Portside PO1 4HB',
  phone: '01632 960418',
  web: 'https://harbourbikes.example',
} as const;

/** What a teammate mostly looks after, used to route topics to a plausible replier. */
export type TeamRole = 'shop' | 'workshop' | 'accounts' | 'owner';

/** A member of the Harbour Bikes team. */
export interface Teammate {
  name: string;
  first: string;
  address: string;
  role: TeamRole;
  title: string;
}

/** The team that shares support@. */
export const TEAM: readonly Teammate[] = [
  {
    name: 'Alice Moreno',
    first: 'Alice',
    address: 'alice@harbourbikes.example',
    role: 'shop',
    title: 'Shop & online orders',
  },
  { name: 'Ben Okafor', first: 'Ben', address: 'ben@harbourbikes.example', role: 'workshop', title: 'Workshop lead' },
  {
    name: 'Chloe Martin',
    first: 'Chloe',
    address: 'chloe@harbourbikes.example',
    role: 'accounts',
    title: 'Bookings & accounts',
  },
  { name: 'Sam Whitlock', first: 'Sam', address: 'sam@harbourbikes.example', role: 'owner', title: 'Owner' },
];

/** How a customer tends to write. */
export type Voice = 'formal' | 'casual' | 'brief';

/** Kinds of organisation that buy from or book with the shop. */
export type OrgKind = 'club' | 'school' | 'courier' | 'council' | 'business' | 'charity' | 'college' | 'supplier';

/** An organisation, whose people share a domain so the app can show the organisation's history. */
export interface Organisation {
  key: string;
  name: string;
  domain: string;
  kind: OrgKind;
  /** Outlook-style clients write "RE:" and send HTML. */
  outlook: boolean;
}

/** A customer (or supplier contact) who writes to the shop. */
export interface Customer {
  first: string;
  last: string;
  address: string;
  voice: Voice;
  /** Sends multipart/alternative mail with an HTML part. */
  html: boolean;
  /** Sends with a bare address and no display name. */
  bare?: boolean;
  org?: Organisation;
  role?: string;
}

/** The organisations. */
export const ORGANISATIONS: readonly Organisation[] = [
  { key: 'wheelers', name: 'Solent Wheelers CC', domain: 'solentwheelers.example', kind: 'club', outlook: false },
  { key: 'tri', name: 'Harbour Triathlon Club', domain: 'harbourtri.example', kind: 'club', outlook: false },
  {
    key: 'hillside',
    name: 'Hillside Primary School',
    domain: 'hillside-primary.example',
    kind: 'school',
    outlook: true,
  },
  { key: 'bayview', name: 'Bayview College', domain: 'bayview-college.example', kind: 'college', outlook: true },
  { key: 'swift', name: 'Swift Courier Co-op', domain: 'swiftcouriers.example', kind: 'courier', outlook: false },
  { key: 'council', name: 'Portside City Council', domain: 'portside-council.example', kind: 'council', outlook: true },
  { key: 'quayside', name: 'Quayside Hotel', domain: 'quaysidehotel.example', kind: 'business', outlook: true },
  { key: 'greenleaf', name: 'Greenleaf Grocers', domain: 'greenleafgrocers.example', kind: 'business', outlook: false },
  { key: 'saltmarsh', name: 'Saltmarsh Riders', domain: 'saltmarshriders.example', kind: 'charity', outlook: false },
  { key: 'brightside', name: 'Brightside Physio', domain: 'brightsidephysio.example', kind: 'business', outlook: true },
  {
    key: 'northwind',
    name: 'Northwind Cycle Parts',
    domain: 'northwindparts.example',
    kind: 'supplier',
    outlook: true,
  },
];

function org(key: string): Organisation {
  const found = ORGANISATIONS.find((o) => o.key === key);
  if (!found) throw new Error(`unknown organisation ${key}`);
  return found;
}

type OrgRow = [orgKey: string, first: string, last: string, local: string, role: string, voice: Voice];

const ORG_PEOPLE: readonly OrgRow[] = [
  ['wheelers', 'Jo', 'Clarke', 'secretary', 'Club Secretary', 'casual'],
  ['wheelers', 'Marcus', 'Bell', 'treasurer', 'Treasurer', 'formal'],
  ['wheelers', 'Aisha', 'Rahman', 'aisha.rahman', 'Ride Captain', 'brief'],
  ['tri', 'Emma', 'Lindqvist', 'emma', 'Kit Officer', 'casual'],
  ['tri', 'Raj', 'Iyer', 'raj.iyer', 'Head Coach', 'brief'],
  ['hillside', 'Karen', 'Doyle', 'k.doyle', 'School Business Manager', 'formal'],
  ['hillside', 'Tom', 'Ashby', 't.ashby', 'PE Lead', 'casual'],
  ['hillside', 'Fiona', 'Grant', 'office', 'School Office', 'formal'],
  ['bayview', 'Ian', 'Fraser', 'ian.fraser', 'Sustainability Lead', 'formal'],
  ['bayview', 'Nadia', 'Haddad', 'nadia.haddad', 'Student Services', 'casual'],
  ['swift', 'Dev', 'Patel', 'dev', 'Fleet Manager', 'brief'],
  ['swift', 'Lena', 'Novak', 'lena', 'Operations', 'casual'],
  ['swift', 'Kwame', 'Mensah', 'kwame', 'Rider', 'brief'],
  ['council', 'Rachel', 'Green', 'rachel.green', 'Active Travel Officer', 'formal'],
  ['council', 'Gareth', 'Evans', 'gareth.evans', 'Procurement Officer', 'formal'],
  ['council', 'Mei', 'Chen', 'mei.chen', 'Accounts Payable', 'formal'],
  ['quayside', 'Sophie', 'Laurent', 'guestservices', 'Guest Services Manager', 'formal'],
  ['quayside', 'Patrick', 'Byrne', 'p.byrne', 'Maintenance', 'brief'],
  ['greenleaf', 'Oliver', 'Twumasi', 'oliver', 'Director', 'casual'],
  ['greenleaf', 'Hana', 'Sato', 'deliveries', 'Delivery Coordinator', 'brief'],
  ['saltmarsh', 'Beth', 'Morgan', 'beth', 'Programme Coordinator', 'casual'],
  ['saltmarsh', 'Sam', 'Okoro', 'sam.okoro', 'Volunteer Mechanic', 'brief'],
  ['brightside', 'Hannah', 'Cole', 'hannah.cole', 'Physiotherapist', 'formal'],
  ['brightside', 'Luke', 'Reid', 'reception', 'Reception', 'brief'],
  ['northwind', 'Gavin', 'Holt', 'trade', 'Trade Desk', 'formal'],
  ['northwind', 'Priya', 'Nair', 'priya.nair', 'Account Manager', 'casual'],
];

type PersonRow = [first: string, last: string, address: string, voice: Voice, html: boolean];

const INDIVIDUALS: readonly PersonRow[] = [
  ['Margaret', 'Osei', 'margaret.osei@mailbox.example', 'formal', false],
  ['Daniel', 'Kovacs', 'dkovacs@postmail.example', 'brief', false],
  ['Priyanka', 'Sharma', 'priyanka.s@inbox.example', 'casual', true],
  ['Tom', 'Hughes', 'tomhughes84@mailbox.example', 'casual', false],
  ['Eleanor', 'Watts', 'eleanor.watts@webpost.example', 'formal', true],
  ['Kofi', 'Boateng', 'kofi.boateng@inbox.example', 'casual', false],
  ['Sarah', 'Lindsay', 'sarah@lindsay-family.example', 'casual', true],
  ['Mohammed', 'Al-Sayed', 'm.alsayed@postmail.example', 'formal', false],
  ['Grace', 'Thompson', 'gracet@mailbox.example', 'brief', false],
  ['Jamie', 'Fletcher', 'jamie.fletcher@netmail.example', 'casual', false],
  ['Ines', 'Carvalho', 'ines.carvalho@inbox.example', 'casual', true],
  ['Robert', 'Ainsworth', 'bob.ainsworth@webpost.example', 'formal', false],
  ['Zara', 'Ahmed', 'zara.ahmed@mailbox.example', 'brief', true],
  ['Patrick', "O'Neill", 'paddy.oneill@postmail.example', 'casual', false],
  ['Yuki', 'Tanaka', 'yuki.t@inbox.example', 'formal', false],
  ['Chris', 'Dawson', 'cdawson@netmail.example', 'brief', false],
  ['Amara', 'Nwosu', 'amara.nwosu@mailbox.example', 'casual', true],
  ['Helen', 'Fairbairn', 'helen.fairbairn@webpost.example', 'formal', false],
  ['Luca', 'Romano', 'luca.romano@inbox.example', 'casual', false],
  ['Nina', 'Petrova', 'nina.petrova@postmail.example', 'brief', true],
  ['George', 'Whitfield', 'g.whitfield@mailbox.example', 'formal', false],
  ['Leah', 'Goldberg', 'leah.goldberg@netmail.example', 'casual', true],
  ['Owen', 'Price', 'owenprice@inbox.example', 'brief', false],
  ['Fatima', 'Zahra', 'fatima.zahra@webpost.example', 'formal', true],
  ['Ryan', 'McAllister', 'ryan.mcallister@mailbox.example', 'casual', false],
  ['Anjali', 'Kapoor', 'anjali@kapoor-home.example', 'casual', false],
  ['Stefan', 'Berg', 'stefan.berg@postmail.example', 'brief', false],
  ['Chiara', 'Bianchi', 'chiara.bianchi@inbox.example', 'casual', true],
  ['William', 'Ashdown', 'w.ashdown@netmail.example', 'formal', false],
  ['Hollie', 'Jenkins', 'hollie.jenkins@mailbox.example', 'casual', false],
  ['Tariq', 'Hussain', 'tariq.h@webpost.example', 'brief', false],
  ['Rosa', 'Delgado', 'rosa.delgado@inbox.example', 'casual', true],
  ['Peter', 'Lindgren', 'peter.lindgren@postmail.example', 'formal', false],
  ['Megan', 'Price', 'meganprice@inbox.example', 'casual', false],
  ['Arjun', 'Menon', 'arjun.menon@mailbox.example', 'brief', true],
  ['Claire', 'Beaumont', 'claire@beaumont-design.example', 'formal', true],
  ['Ewan', 'Stewart', 'ewan.stewart@netmail.example', 'casual', false],
  ['Olga', 'Sokolova', 'olga.sokolova@webpost.example', 'formal', false],
  ['Callum', 'Reeves', 'callum.reeves@mailbox.example', 'brief', false],
  ['Aoife', 'Brennan', 'aoife.brennan@inbox.example', 'casual', true],
  ['David', 'Mensah', 'davidmensah@postmail.example', 'casual', false],
  ['Isabel', 'Ortiz', 'isabel.ortiz@mailbox.example', 'formal', false],
  ['Harvey', 'Collins', 'harvey.collins@netmail.example', 'brief', false],
  ['Maya', 'Friedman', 'maya.friedman@inbox.example', 'casual', true],
  ['Noah', 'Adeyemi', 'noah.adeyemi@webpost.example', 'casual', false],
  ['Ruth', 'Calloway', 'ruth.calloway@mailbox.example', 'formal', false],
  ['Ben', 'Sutton', 'bensutton@postmail.example', 'brief', false],
  ['Lucy', 'Harrington', 'lucy.harrington@inbox.example', 'casual', true],
];

/** Individual customers (households, commuters, riders). */
export const INDIVIDUAL_CUSTOMERS: readonly Customer[] = INDIVIDUALS.map(
  ([first, last, address, voice, html], index) => ({
    first,
    last,
    address,
    voice,
    html,
    ...(index % 11 === 5 ? { bare: true } : {}),
  }),
);

/** People who write on behalf of an organisation. */
export const ORGANISATION_CUSTOMERS: readonly Customer[] = ORG_PEOPLE.map(([key, first, last, local, role, voice]) => {
  const o = org(key);
  return { first, last, address: `${local}@${o.domain}`, voice, html: o.outlook, org: o, role };
});

/** Colleagues at the organisation who might be copied in (same domain). */
export function colleaguesOf(customer: Customer): Customer[] {
  if (!customer.org) return [];
  const key = customer.org.key;
  return ORGANISATION_CUSTOMERS.filter((c) => c.org?.key === key && c.address !== customer.address);
}

/** The customer's name as it appears in From. */
export function fullName(person: { first: string; last: string }): string {
  return `${person.first} ${person.last}`;
}

/** The domain part of an address. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
