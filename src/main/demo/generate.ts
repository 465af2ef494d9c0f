/**
 * Demo mailbox generator: a realistic, deterministic support mailbox for Harbour Bikes, a
 * small bike shop and workshop, so someone without an account sees the whole product at once:
 * fresh and overdue unanswered mail, answered threads, promises kept and broken, colleagues in
 * Cc, out-of-office replies, internal notes, long conversations, HTML, attachments and bulk
 * mail. Everything comes from one seeded PRNG and `now`, never from the clock.
 */
import { SHOP, TEAM } from './cast';
import { DAY, scheduleThread } from './plan';
import { DemoRandom } from './random';
import { renderThread, type RenderedMessage } from './render';
import { ThreadFactory } from './shapes';

/** One message of the demo mailbox, ready to APPEND to a folder or store locally. */
export interface DemoMail {
  folder: 'INBOX' | 'Sent';
  /** The full RFC 5322 message. */
  raw: Buffer;
  /** When the server received it (IMAP INTERNALDATE), ms since epoch. */
  internalDate: number;
  /** IMAP system flags, e.g. `\Seen`, `\Answered`. */
  flags: string[];
}

/** The demo shared mailbox: its address, the team that shares it and every message. */
export interface DemoMailbox {
  address: string;
  displayName: string;
  team: Array<{ name: string; address: string }>;
  /** Sorted by internalDate, oldest first. */
  mails: DemoMail[];
}

/** The seed used when none is given. */
export const DEFAULT_DEMO_SEED = 20240611;

/** Customer-side messages the team answers; they carry `\Answered` once a team reply follows. */
function isInbound(kind: RenderedMessage['planned']['kind']): boolean {
  return kind === 'customer' || kind === 'colleague';
}

function flagsFor(random: DemoRandom, thread: RenderedMessage[], index: number, now: number): string[] {
  const message = (thread[index] as RenderedMessage).planned;
  if (message.kind === 'team') return ['\\Seen'];
  const answered = isInbound(message.kind) && thread.slice(index + 1).some((m) => m.planned.kind === 'team');
  const age = now - message.at;
  const seen =
    answered || (age > 2 * DAY ? random.chance(0.96) : random.chance(message.kind === 'newsletter' ? 0.5 : 0.3));
  const flags: string[] = [];
  if (seen) flags.push('\\Seen');
  if (answered) flags.push('\\Answered');
  return flags;
}

/**
 * Deterministic: the same seed and `now` (ms since epoch) give byte-identical output.
 * About 320 threads over the 90 days before `now`, denser towards `now`, none in the future.
 */
export function generateDemoMailbox(options: { now: number; seed?: number }): DemoMailbox {
  const now = Math.floor(options.now);
  const random = new DemoRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const planRandom = random.fork();
  const timeRandom = random.fork();
  const renderRandom = random.fork();
  const flagRandom = random.fork();

  const threads = new ThreadFactory(planRandom).plan();
  for (const thread of threads) scheduleThread(timeRandom, thread, now);

  let seq = 0;
  const nextSeq = (): number => ++seq;
  const mails: Array<DemoMail & { seq: number }> = [];
  for (const thread of threads) {
    const rendered = renderThread(renderRandom, thread, nextSeq);
    rendered.forEach((message, index) => {
      const sent = message.planned.kind === 'team';
      const delay = sent ? 0 : flagRandom.int(2_000, 40_000);
      mails.push({
        folder: sent ? 'Sent' : 'INBOX',
        raw: message.raw,
        internalDate: Math.min(now, message.planned.at + delay),
        flags: flagsFor(flagRandom, rendered, index, now),
        seq: mails.length,
      });
    });
  }
  mails.sort((a, b) => a.internalDate - b.internalDate || a.seq - b.seq);

  return {
    address: SHOP.address,
    displayName: SHOP.displayName,
    team: TEAM.map((m) => ({ name: m.name, address: m.address })),
    mails: mails.map(({ folder, raw, internalDate, flags }) => ({ folder, raw, internalDate, flags })),
  };
}
