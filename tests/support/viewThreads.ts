import type { Db } from '../../src/main/store/db';
import { saveAccount } from '../../src/main/store/repos/accounts';
import { mulberry32 } from './prng';

const H = 3_600_000;
/** A list row's preview is up to 140 characters; the rows are as wide as a real mailbox's. */
const SNIPPET =
  'Hello, my order arrived with a scratch on the frame and the rear wheel wobbles. Could you exchange it or send a repair voucher? Thanks'.slice(
    0,
    140,
  );

/** Picks one of `items` with the generator. */
function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** An account row for view fixtures. */
export function viewAccount(db: Db, address: string, now: number): number {
  return saveAccount(
    db,
    {
      address,
      displayName: 'Support',
      imap: { host: 'imap.example', port: 993, tls: 'tls' },
      smtp: { host: 'smtp.example', port: 465, tls: 'tls' },
      user: address,
      secretRef: `account:${address}`,
    },
    now,
  );
}

/**
 * Fills `accountId` with `count` threads straight into `threads` and `thread_team`, mixing every
 * case the list views tell apart: owners (me, a teammate, nobody), statuses a customer's later
 * message reopens or not, snoozes past and future, woken or not, due times overdue, due soon
 * and later, promises, and empty threads. `teamShare` is the share of threads with team state.
 */
export function seedViewThreads(
  db: Db,
  args: { accountId: number; count: number; now: number; me: string; teamShare: number; seed: number },
): void {
  const random = mulberry32(args.seed);
  const { now } = args;
  const around = (spanH: number) => now + Math.floor((random() * 2 - 1) * spanH * H);
  const thread = db.prepare(
    `INSERT INTO threads (account_id, thread_key, subject, snippet, last_from_name, last_from_address,
       first_message_at, last_message_at, message_count, last_customer_at, last_team_at, due_at, due_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const team = db.prepare(
    `INSERT INTO thread_team (thread_id, team_key, owner, handoff_to, status, status_at, snoozed_until, snoozed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < args.count; i += 1) {
      const last = now - Math.floor(random() * 400 * 24 * H);
      const customerAt = random() < 0.1 ? null : last - Math.floor(random() * 3 * H);
      const dueAt = random() < 0.3 ? null : around(48);
      const reason = dueAt === null ? null : pick(random, ['promise', 'courtesy', 'snooze', 'reply']);
      const messages = random() < 0.01 ? 0 : 1 + Math.floor(random() * 5);
      const key = `<view-${args.seed}-${i}@example>`;
      const from = `customer${i % 5000}@shop${i % 300}.example`;
      const row = thread.get(
        ...[args.accountId, key, `Question number ${i} about an order`, SNIPPET, `Customer ${i % 5000}`, from],
        ...[last, last, messages, customerAt, last, dueAt, reason],
      ) as { id: number };
      if (random() >= args.teamShare) continue;
      const statusAt = customerAt === null ? null : customerAt + Math.floor((random() - 0.5) * 2 * H);
      const snoozedUntil = random() < 0.5 ? null : around(72);
      const snoozedAt = snoozedUntil === null ? null : (customerAt ?? now) + Math.floor((random() - 0.5) * 2 * H);
      team.run(
        row.id,
        key,
        pick(random, [args.me, 'bob@team.example', null, null]),
        pick(random, [null, null, args.me]),
        pick(random, ['open', 'waiting', 'closed']),
        statusAt,
        snoozedUntil,
        snoozedAt,
      );
    }
  })();
}
