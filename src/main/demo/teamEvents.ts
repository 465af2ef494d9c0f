import type { Db } from '../store/db';
import { threadReplyFacts } from '../store/repos/threads';
import type { TeamLogEntry } from '../../shared/teamEvents';
import { DemoRandom } from './random';

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * A plausible team history for the demo, as team log entries (the same format teammates
 * append to the mailbox): profiles, claims of answered threads, waiting marks, closes of
 * threads that ended in a thank-you, and a few notes. Deterministic for a seed and `now`.
 */
export function demoTeamLog(
  db: Db,
  accountId: number,
  team: ReadonlyArray<{ name: string; address: string }>,
  now: number,
  seed = 7,
): TeamLogEntry[] {
  const rnd = new DemoRandom(seed);
  const facts = threadReplyFacts(db, accountId);
  const entries: TeamLogEntry[] = [];
  let n = 0;
  const add = (event: Record<string, unknown>): string => {
    n += 1;
    const id = uuid(n);
    entries.push({ uid: n, event: { v: 1, id, known: [], ...event } });
    return id;
  };
  const start = now - 91 * 86_400_000;
  for (const mate of team)
    add({
      type: 'profile',
      thread: null,
      actor: mate.address,
      base: null,
      at: start,
      payload: { name: mate.name, active: true },
    });
  const workers = team.filter((m) => !m.address.startsWith('sam@'));
  for (const f of facts) {
    if (f.teamReplies === 0) continue; // nobody has taken the unanswered ones yet
    const owner = rnd.pick(workers);
    const at = Math.min(f.lastAt, now - 60_000);
    const claim = add({
      type: 'claim',
      thread: f.key,
      actor: owner.address,
      base: null,
      at: at - 3_600_000,
      payload: {},
      known: [f.key],
    });
    if (rnd.next() < 0.15) {
      add({
        type: 'note',
        thread: f.key,
        actor: owner.address,
        base: null,
        at: at - 1_800_000,
        payload: { text: rnd.pick(NOTES), mentions: [] },
        known: [f.key],
      });
    }
    const thanks = /\bthank/i.test(f.lastText) && !f.lastFromTeam;
    const old = now - f.lastAt > 2 * 86_400_000;
    if (f.lastFromTeam)
      add({ type: 'waiting', thread: f.key, actor: owner.address, base: null, at, payload: {}, known: [f.key] });
    else if (thanks || (old && rnd.next() < 0.5))
      add({
        type: 'close',
        thread: f.key,
        actor: owner.address,
        base: null,
        at: at + 60_000,
        payload: {},
        known: [f.key],
      });
    void claim;
  }
  return entries;
}

const NOTES = [
  'Checked stock: two in the back room, holding one for them.',
  'Warranty card is on file, covered until next spring.',
  'Courier says the parcel is at the depot; chasing tomorrow.',
  'Ben will look at the wheel on Thursday morning.',
  'Invoice reissued with the VAT number.',
];
