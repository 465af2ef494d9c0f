import type { SyncReport } from '../../shared/types';
import type { Db } from '../store/db';
import type { Account } from '../store/repos/accounts';
import { connectImap } from '../mail/imap/connect';
import { foldersToSync, syncFolder } from '../mail/imap/sync';
import { explainConnectionError } from '../mail/connectionErrors';
import { AppError } from './appError';
import type { ServiceEvents } from './events';

/** One sync pass over INBOX and Sent on a fresh connection. */
export async function syncAccount(opts: {
  db: Db;
  account: Account;
  password: string;
  now: () => number;
  events: ServiceEvents;
}): Promise<SyncReport> {
  const { account, events } = opts;
  const began = opts.now();
  let client;
  try {
    client = await connectImap({ ...account.imap, user: account.user, password: opts.password });
  } catch (error) {
    const e = explainConnectionError(error, { kind: 'IMAP', host: account.imap.host, port: account.imap.port });
    events.emit('sync.error', e);
    throw new AppError(e.code, e.message);
  }
  try {
    const ctx = {
      db: opts.db,
      accountId: account.id,
      teamAddresses: new Set([account.address.toLowerCase()]),
      now: opts.now,
      onProgress: (p: Parameters<typeof events.emit<'sync.progress'>>[1]) => events.emit('sync.progress', p),
      onThreadsChanged: (threadIds: number[]) => events.emit('threads.changed', { threadIds }),
    };
    const folders = [];
    for (const f of await foldersToSync(client)) folders.push(await syncFolder(client, ctx, f.path, f.role));
    return { folders, durationMs: opts.now() - began };
  } finally {
    await client.logout().catch(() => undefined);
  }
}
