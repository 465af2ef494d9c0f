import { openDemoDatabase, seedDemo } from '../demo/load';
import type { Db } from '../store/db';
import { getAccount } from '../store/repos/accounts';
import { TeamEngine } from './team';

/** Folds the demo's team log into the list views, as a sync would after reading the log folder. */
function materialize(db: Db, now: number): void {
  const account = getAccount(db);
  if (!account) return;
  new TeamEngine(db, account.id, () => now, { threadsChanged: () => undefined, toast: () => undefined }).applyLog({
    entries: [],
    reset: true,
  });
}

/** Fills an empty database with the demo mailbox and its team state. */
export async function seedDemoMailbox(db: Db, now: number): Promise<void> {
  await seedDemo(db, now);
  materialize(db, now);
}

/** A fresh demo database in the data directory (the person's own data is untouched). */
export async function openDemoMailbox(dataDir: string, now: number): Promise<Db> {
  const db = await openDemoDatabase(dataDir, now);
  materialize(db, now);
  return db;
}
