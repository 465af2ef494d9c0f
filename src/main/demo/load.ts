import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from '../store/db';
import { saveAccount } from '../store/repos/accounts';
import { ensureFolder } from '../store/repos/folders';
import { storeMessage } from '../store/ingest';
import { parseMessage } from '../mail/parse';
import { generateDemoMailbox } from './generate';
import { demoTeamLog } from './teamEvents';
import { saveTeamLogEntries } from '../store/repos/teamLog';
import { setSetting } from '../store/repos/settings';

/** The demo database's file inside a data directory (kept apart from real mail). */
export function demoDatabaseFile(dataDir: string): string {
  return join(dataDir, 'demo', 'demo.sqlite');
}

/**
 * Fills an empty database with the demo mailbox through the same parse-and-store path
 * real mail takes. Dates are relative to `now`, so the demo always looks current.
 */
export async function seedDemo(db: Db, now: number): Promise<void> {
  const demo = generateDemoMailbox({ now });
  const accountId = saveAccount(
    db,
    {
      address: demo.address,
      displayName: demo.displayName,
      imap: { host: 'demo.invalid', port: 993, tls: 'tls' },
      smtp: { host: 'demo.invalid', port: 465, tls: 'tls' },
      user: demo.address,
      secretRef: 'demo',
    },
    now,
  );
  // As with a real mailbox, only the shared address is "the team" in mail: teammates writing
  // to support@ themselves are colleagues, whose mail gets the same clock as a customer's.
  const team = new Set([demo.address]);
  const folders = {
    INBOX: ensureFolder(db, accountId, 'INBOX', 'inbox'),
    Sent: ensureFolder(db, accountId, 'Sent', 'sent'),
  };
  const uids = { INBOX: 0, Sent: 0 };
  for (const mail of demo.mails) {
    const parsed = await parseMessage(mail.raw, mail.internalDate);
    uids[mail.folder] += 1;
    storeMessage(
      db,
      {
        accountId,
        folderId: folders[mail.folder].id,
        uid: uids[mail.folder],
        flags: mail.flags,
        raw: mail.raw,
        parsed: parsed.ok ? parsed.message : { error: parsed.error, date: mail.internalDate },
      },
      team,
    );
  }
  // The team's history, as teammates would have appended it to the log folder.
  db.transaction(() => saveTeamLogEntries(db, accountId, demoTeamLog(db, accountId, demo.team, now)))();
  setSetting(db, 'me', {
    name: demo.team[0]?.name ?? 'Alice',
    address: demo.team[0]?.address ?? demo.address,
    signature: '',
  });
}

/**
 * Opens a fresh demo database for this session, seeded so its dates are recent. The team
 * state is folded by the caller (service/demoMailbox.ts), as a sync would.
 */
export async function openDemoDatabase(dataDir: string, now: number): Promise<Db> {
  const file = demoDatabaseFile(dataDir);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  const db = openDb(file);
  await seedDemo(db, now);
  return db;
}
