/**
 * Mail worlds with a connection limit and a choice of push, for the connection-budget tests
 * and benchmark: a private Dovecot (see ./mailworld.ts) with extra settings appended.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startMailWorld, type MailWorld } from './mailworld';

/** What the server offers to push changes: both extensions, IDLE only, or neither. */
export type PushOffer = 'notify' | 'idle' | 'none';

// Dovecot 2.3.19's own list after login, as measured here; IDLE and NOTIFY are dropped below.
const CAPABILITIES =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS ' +
  'THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS ' +
  'LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH ' +
  'LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE';

/**
 * Starts a world whose Dovecot allows `limit` connections per user and IP (Dovecot's default
 * is 10) and advertises only the push extensions in `push`.
 */
export async function startLimitedWorld(opts: { limit: number; push: PushOffer }): Promise<MailWorld> {
  const drop = opts.push === 'notify' ? [] : opts.push === 'idle' ? ['NOTIFY'] : ['NOTIFY', 'IDLE'];
  const capabilities = CAPABILITIES.split(' ')
    .filter((c) => !drop.includes(c))
    .join(' ');
  // Appended settings win over the earlier ones in Dovecot's configuration.
  const extra = `
mail_max_userip_connections = ${opts.limit}
${drop.length > 0 ? `imap_capability = ${capabilities}` : ''}
`;
  return startMailWorld({ adjustDovecot: (config) => config + extra });
}

/** How many IMAP sessions `user` has open on the world's Dovecot right now (doveadm who). */
export function connectionsOf(world: MailWorld, user: string): number {
  const out = execFileSync('doveadm', ['-c', path.join(world.dir, 'dovecot.conf'), 'who', '-1', user], {
    encoding: 'utf8',
  });
  return out.split('\n').filter((line) => line.startsWith(`${user} `) && /\bimap\b/.test(line)).length;
}
