import type { Db } from '../store/db';
import type { Account } from '../store/repos/accounts';
import type { OutboxDeps } from './outbox';
import { serverOf, type MailSecret } from '../mail/login';

/**
 * The display name on From: "Alice at Acme" from the teammate's name and the team's display
 * name, or whichever of the two is set.
 */
export function teamFromName(teammateName: string, teamName: string): string {
  const person = teammateName.trim();
  const team = teamName.trim();
  if (person && team && person.toLowerCase() !== team.toLowerCase()) return `${person} at ${team}`;
  return person || team;
}

/**
 * Outbox dependencies for a stored account: SMTP and IMAP settings with the login read
 * when needed (so a changed password or a refreshed token is picked up), From = the shared address.
 */
export function outboxDepsForAccount(
  db: Db,
  account: Account,
  secret: () => Promise<MailSecret>,
  identity: { name: string; signature: string },
  now: () => number,
): Pick<OutboxDeps, 'db' | 'accountId' | 'now' | 'smtp' | 'imap' | 'account' | 'identity' | 'teamAddresses'> {
  return {
    db,
    accountId: account.id,
    now,
    smtp: async () => ({ ...serverOf(account, 'smtp'), ...(await secret()) }),
    imap: async () => ({ ...serverOf(account, 'imap'), ...(await secret()) }),
    account: { address: account.address, fromName: teamFromName(identity.name, account.displayName) },
    identity,
    teamAddresses: () => [account.address.toLowerCase()],
  };
}
