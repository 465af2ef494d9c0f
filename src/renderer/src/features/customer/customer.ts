import type { MessageView, Person } from '../../../../shared/types';

/** Mail providers whose domain says nothing about the customer's organisation. */
export const PERSONAL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'fastmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'zoho.com',
  'yandex.ru',
  'mail.ru',
]);

/** The people on a thread who are not the team, most active first. */
export function customersOf(messages: MessageView[], teamAddress: string | null): Person[] {
  const team = teamAddress?.toLowerCase() ?? null;
  const seen = new Map<string, { person: Person; count: number }>();
  for (const m of messages) {
    const people = m.fromTeam ? [...m.to, ...m.cc] : [m.from, ...m.cc];
    for (const p of people) {
      const key = p.address.toLowerCase();
      if (!key || key === team) continue;
      const entry = seen.get(key) ?? { person: p, count: 0 };
      entry.count += m.from.address.toLowerCase() === key ? 2 : 1;
      seen.set(key, entry);
    }
  }
  return [...seen.values()].sort((a, b) => b.count - a.count).map((e) => e.person);
}

/** The organisation domain of an address, or null for personal mail providers. */
export function organisationDomain(address: string): string | null {
  const domain = address.split('@')[1]?.toLowerCase() ?? '';
  return domain && !PERSONAL_DOMAINS.has(domain) ? domain : null;
}

/**
 * An address cut into pieces after each `@`, `.` and `-`, where a narrow panel may wrap it
 * ("bartholomew." "featherstonehaugh-" "worthington@" "customer-relations.example").
 */
export function addressPieces(address: string): string[] {
  return address.match(/[^@.-]*(?:[@.-]|$)/g)?.filter(Boolean) ?? [address];
}
