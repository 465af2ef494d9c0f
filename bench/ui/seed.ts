import type { Db } from '../../src/main/store/db';
import { saveAccount } from '../../src/main/store/repos/accounts';
import { ensureFolder } from '../../src/main/store/repos/folders';
import { indexStoredMessages } from '../../src/main/store/repos/searchIndex';

const WORDS = (
  'order refund saddle gears brake chain wheel invoice delivery pedal frame helmet light lock pump tyre tube ' +
  'spoke rim hub cassette derailleur shifter cable grip bell basket rack mudguard kickstand bottle cage seat ' +
  'post stem bar tape crank bearing service repair warranty return exchange size colour payment receipt ' +
  'shipping courier parcel address account password discount voucher gift card newsletter subscription ' +
  'appointment workshop booking rental insurance theft damage scratch squeak noise creak wobble puncture'
).split(' ');

/** A tiny deterministic PRNG so every run seeds the same mailbox. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Words the search benchmark asks for (each in a few percent of threads). */
export const SEARCH_WORDS = WORDS.slice(0, 40);

/**
 * Fills `db` with an account and `count` one-message threads, newest first, straight into
 * the tables (the FTS triggers index them). Returns the thread count.
 */
export function seedThreads(db: Db, count: number, now: number): number {
  const accountId = saveAccount(
    db,
    {
      address: 'support@bench.example',
      displayName: 'Support',
      imap: { host: 'imap.bench.example', port: 993, tls: 'tls' },
      smtp: { host: 'smtp.bench.example', port: 465, tls: 'tls' },
      user: 'support@bench.example',
      secretRef: 'account:support@bench.example',
    },
    now,
  );
  ensureFolder(db, accountId, 'INBOX', 'inbox');
  const folderId = (
    db.prepare('SELECT id FROM folders WHERE account_id = ? AND path = ?').get(accountId, 'INBOX') as {
      id: number;
    }
  ).id;
  const random = rng(7);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] ?? 'order';
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
  const thread = db.prepare(
    `INSERT INTO threads (account_id, thread_key, subject, snippet, last_from_name, last_from_address,
       first_message_at, last_message_at, message_count, has_attachments)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id`,
  );
  const message = db.prepare(
    `INSERT INTO messages (account_id, folder_id, uid, thread_id, message_id, subject, from_name, from_address,
       to_json, date, snippet, body_text, has_attachments)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const to = JSON.stringify([{ name: 'Support', address: 'support@bench.example' }]);
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const subject = `${sentence(4)} ${i}`;
      const body = sentence(30);
      const at = now - i * 60_000;
      const name = `Customer ${i % 5000}`;
      const address = `customer${i % 5000}@shop${i % 300}.example`;
      const attach = i % 7 === 0 ? 1 : 0;
      const key = `<bench-${i}@bench.example>`;
      const row = thread.get(accountId, key, subject, body.slice(0, 140), name, address, at, at, attach) as {
        id: number;
      };
      message.run(
        accountId,
        folderId,
        i + 1,
        row.id,
        key,
        subject,
        name,
        address,
        to,
        at,
        body.slice(0, 140),
        body,
        attach,
      );
    }
    // Rows written here, not through the store's batches: index them as the store would.
    const ids = db.prepare('SELECT id FROM messages').pluck().all() as number[];
    indexStoredMessages(db, ids);
  })();
  return count;
}
