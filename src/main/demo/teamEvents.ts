import type { Db } from '../store/db';
import { threadReplyFacts, type ThreadReplyFacts } from '../store/repos/threads';
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
    threadHistory(f, rnd.pick(workers).address, now, rnd, add);
  }
  for (const p of demoPromises(facts, now, new DemoRandom(seed + 1))) {
    const owner = rnd.pick(workers);
    add({
      type: 'promise',
      thread: p.key,
      actor: owner.address,
      base: null,
      at: p.at,
      payload: p.payload,
      known: [p.key],
    });
  }
  return entries;
}

/** One answered thread's history: claimed, sometimes a note, then waiting on the customer or closed. */
function threadHistory(
  f: ThreadReplyFacts,
  actor: string,
  now: number,
  rnd: DemoRandom,
  add: (event: Record<string, unknown>) => string,
): void {
  const at = Math.min(f.lastAt, now - 60_000);
  const on = { thread: f.key, actor, base: null, known: [f.key] };
  add({ type: 'claim', ...on, at: at - 3_600_000, payload: {} });
  if (rnd.next() < 0.15)
    add({ type: 'note', ...on, at: at - 1_800_000, payload: { text: rnd.pick(NOTES), mentions: [] } });
  const thanks = /\bthank/i.test(f.lastText) && !f.lastFromTeam;
  const old = now - f.lastAt > 2 * 86_400_000;
  if (f.lastFromTeam) add({ type: 'waiting', ...on, at, payload: {} });
  else if (thanks || (old && rnd.next() < 0.5)) add({ type: 'close', ...on, at: at + 60_000, payload: {} });
}

/** A promise of the demo's history: made with the team's first reply, due at `payload.due`. */
interface DemoPromise {
  key: string;
  at: number;
  payload: { due: number; text: string };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo's promise times: noon and end of day (team zone UTC), Monday to Friday. */
const PROMISE_HOURS = [12, 17] as const;

/** Every promise time in the week from `t`'s day on, in order. */
function promiseTimesFrom(t: number): number[] {
  const day = t - (((t % DAY) + DAY) % DAY);
  const out: number[] = [];
  for (let d = -7; d <= 7; d++) {
    const start = day + d * DAY;
    const weekday = new Date(start).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of PROMISE_HOURS) out.push(start + hour * HOUR);
  }
  return out;
}

/** The first promise time at or after `t` (a round business time, e.g. Fri 17:00). */
export function promiseTimeAfter(t: number): number {
  return promiseTimesFrom(t).find((p) => p >= t) ?? t;
}

/** The last promise time at or before `t`. */
export function promiseTimeBefore(t: number): number {
  return promiseTimesFrom(t).findLast((p) => p <= t) ?? t;
}

/**
 * Promises for the demo's history, so the Promised view, the timeline and the dashboard's
 * "Promises kept" chart have something to show: the team's first reply promised a date, and
 * its next reply came in time (kept) or after it (broken); a few threads waiting on the team
 * carry an open promise, due in the coming days or already past (overdue, so broken). Every
 * date is a round business time, as a person would promise it.
 */
export function demoPromises(facts: readonly ThreadReplyFacts[], now: number, rnd: DemoRandom): DemoPromise[] {
  const out: DemoPromise[] = [];
  for (const f of facts) {
    if (f.firstTeamAt === null) continue;
    const at = f.firstTeamAt + 60_000;
    const make = (due: number) => {
      if (due > at) out.push({ key: f.key, at, payload: { due, text: '' } });
    };
    if (f.secondTeamAt !== null) {
      if (rnd.next() >= 0.6) continue;
      // Three in four kept: due at the first promise time after the answer came; else before it.
      make(rnd.next() < 0.75 ? promiseTimeAfter(f.secondTeamAt) : promiseTimeBefore(f.secondTeamAt - 60_000));
    } else if (f.lastFromTeam && rnd.next() < 0.15) {
      // Open: due within the next three days; one in five already past its date.
      const past = rnd.next() < 0.2;
      const hours = past ? -rnd.int(2, 30) : rnd.int(3, 72);
      make(past ? promiseTimeBefore(now + hours * HOUR) : promiseTimeAfter(now + hours * HOUR));
    }
  }
  return out;
}

const NOTES = [
  'Checked stock: two in the back room, holding one for them.',
  'Warranty card is on file, covered until next spring.',
  'Courier says the parcel is at the depot; chasing tomorrow.',
  'Ben will look at the wheel on Thursday morning.',
  'Invoice reissued with the VAT number.',
];
