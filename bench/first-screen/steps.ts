/**
 * The first-screen path of a first sync, one step at a time, with the engine's own functions:
 * login, SELECT, the UID list (plain UID SEARCH ALL, then ESEARCH), batching it newest first, the first
 * header FETCHes. Storing and the list query are timed by the engine runs and their profiles.
 */
import { performance } from 'node:perf_hooks';
import { connectImap } from '../../src/main/mail/imap/connect';
import { allUids } from '../../src/main/mail/imap/uidList';
import { newestFirstChunks, toSequenceSet } from '../../src/main/mail/imap/uidSet';
import type { AccountInput } from '../../src/shared/schemas';

/** Milliseconds per step (rounded to 0.1). */
export type StepTimes = Record<string, number>;

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Runs the steps once on a connection of its own. */
export async function stepTimes(account: AccountInput): Promise<StepTimes> {
  const out: StepTimes = {};
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    out[name] = round(now - mark);
    mark = now;
  };
  const client = await connectImap({ ...account.imap, user: account.user, password: account.password ?? '' });
  lap('connectAndLogin');
  await client.list();
  lap('list');
  const lock = await client.getMailboxLock('INBOX', { readOnly: true });
  lap('select');
  try {
    const result = await client.search({ all: true }, { uid: true });
    lap('uidSearchAllPlain');
    const uids = await allUids(client);
    lap('uidSearchAllEsearch');
    out.uids = uids.length;
    out.plainSameAsEsearch = Number(Array.isArray(result) && result.join() === uids.join());
    mark = performance.now();
    const chunks = newestFirstChunks(uids, 1000, 250);
    lap('newestFirstChunks');
    const sets = chunks.map(toSequenceSet);
    lap('toSequenceSetAllChunks');
    out.chunks = chunks.length;
    for (const [i, set] of sets.slice(0, 3).entries()) {
      let n = 0;
      for await (const msg of client.fetch(
        set,
        { uid: true, flags: true, envelope: true, internalDate: true, size: true, headers: ['references'] },
        { uid: true },
      ))
        n += msg.uid > 0 ? 1 : 0;
      lap(`headerFetch${i + 1}_${n}`);
    }
  } finally {
    lock.release();
    await client.logout().catch(() => undefined);
  }
  return out;
}
