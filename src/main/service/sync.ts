import type { ImapFlow } from 'imapflow';
import type { SyncReport } from '../../shared/types';
import type { Db } from '../store/db';
import type { Account } from '../store/repos/accounts';
import { recordFolderError } from '../store/repos/folders';
import { connectImap } from '../mail/imap/connect';
import { syncMailbox } from '../mail/imap/sync';
import type { SyncModes } from '../mail/imap/context';
import { explainConnectionError } from '../mail/connectionErrors';
import { AppError } from './appError';
import type { ServiceEvents } from './events';

/** One sync pass over the account on a fresh connection (imapflow instances cannot reconnect). */
export async function syncAccount(opts: {
  db: Db;
  account: Account;
  password: string;
  now: () => number;
  events: ServiceEvents;
  modes: SyncModes;
  teamAddresses: Set<string>;
  extraFolders: string[];
  /** Runs on the same connection after the headers: the team log. */
  teamPass?: (client: ImapFlow) => Promise<void>;
  /** Called with threads a mail batch touched, before `threads.changed` goes out. */
  onThreads?: (threadIds: number[]) => void;
}): Promise<SyncReport> {
  const { account, events } = opts;
  const began = opts.now();
  const server = { kind: 'IMAP' as const, host: account.imap.host, port: account.imap.port };
  let client;
  try {
    client = await connectImap({ ...account.imap, user: account.user, password: opts.password });
  } catch (error) {
    const e = explainConnectionError(error, server);
    recordFolderError(opts.db, account.id, e.message);
    events.emit('sync.error', e);
    throw new AppError(e.code, e.message);
  }
  try {
    const folders = await syncMailbox(
      client,
      {
        db: opts.db,
        accountId: account.id,
        teamAddresses: opts.teamAddresses,
        now: opts.now,
        modes: opts.modes,
        onProgress: (p) => events.emit('sync.progress', p),
        onThreadsChanged: (threadIds) => {
          opts.onThreads?.(threadIds);
          events.emit('threads.changed', { threadIds });
        },
        onBodiesStored: (threadIds) => events.emit('threads.changed', { threadIds }),
      },
      opts.extraFolders,
      opts.teamPass ? () => opts.teamPass!(client) : undefined,
    );
    return { folders, durationMs: opts.now() - began };
  } catch (error) {
    const e = explainConnectionError(error, server, 'session');
    recordFolderError(opts.db, account.id, e.message);
    events.emit('sync.error', e);
    throw new AppError(e.code, e.message);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
