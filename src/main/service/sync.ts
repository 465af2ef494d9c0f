import type { ImapFlow } from 'imapflow';
import type { WithConnection } from '../mail/imap/budget';
import type { SyncReport } from '../../shared/types';
import type { ErrorCode } from '../../shared/errors';
import type { Db } from '../store/db';
import type { Account } from '../store/repos/accounts';
import { recordFolderError } from '../store/repos/folders';
import { connectImap, imapOptions, type ImapSettings } from '../mail/imap/connect';
import { syncMailbox } from '../mail/imap/sync';
import type { SpareConnection, SyncModes } from '../mail/imap/context';
import type { LargeMessages } from '../mail/imap/largeMessage';
import { explainConnectionError } from '../mail/connectionErrors';
import { AppError } from '../appError';
import { DISK_FULL_MESSAGE, isDiskFull } from '../store/diskFull';
import type { ServiceEvents } from './events';
import { serverOf, withLogin, type MailSecret } from '../mail/login';
import { AuthError } from '../auth/errors';

/** A fresh connection for one pass, logged out afterwards (imapflow instances cannot reconnect). */
function freshConnection(settings: () => Promise<ImapSettings>): WithConnection {
  return async (work) => {
    const client = await connectImap(await settings());
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
}

/** Options for one more connection to the account's server, holding a slot of the budget; null when there is none. */
async function spareConnection(
  account: Account,
  secret: () => Promise<MailSecret>,
  slot: () => (() => void) | null,
): Promise<SpareConnection | null> {
  const release = slot();
  if (!release) return null;
  try {
    return {
      options: await withLogin(
        await secret(),
        async (login) => imapOptions(serverOf(account, 'imap'), login),
        () => false,
      ),
      release,
    };
  } catch {
    release();
    return null;
  }
}

/**
 * One sync pass over the account, on the connection `withConnection` lends (live sync's
 * watching one) or on a fresh one.
 */
export async function syncAccount(opts: {
  db: Db;
  account: Account;
  /** The login for this pass (read each time: a password may change, a token expire). */
  secret: () => Promise<MailSecret>;
  now: () => number;
  events: ServiceEvents;
  modes: SyncModes;
  teamAddresses: Set<string>;
  extraFolders: string[];
  /** Runs on the same connection after the headers: the team log. */
  teamPass?: (client: ImapFlow) => Promise<void>;
  /** The writes that follow from threads a mail batch touched, in the batch's transaction (SyncContext). */
  settleThreads?: (threadIds: number[]) => void;
  withConnection?: WithConnection;
  /** Takes one more connection's slot in the budget for a large first sync; null when there is none. */
  spareSlot?: () => (() => void) | null;
  /** Where large messages are streamed to (see mail/imap/largeMessage). */
  largeMessages?: LargeMessages;
}): Promise<SyncReport> {
  const { account, events } = opts;
  const began = opts.now();
  const server = { kind: 'IMAP' as const, host: account.imap.host, port: account.imap.port };
  const withConnection =
    opts.withConnection ?? freshConnection(async () => ({ ...serverOf(account, 'imap'), ...(await opts.secret()) }));
  let connected = false;
  try {
    const folders = await withConnection((client) => {
      connected = true;
      return syncMailbox(
        client,
        {
          db: opts.db,
          accountId: account.id,
          teamAddresses: opts.teamAddresses,
          now: opts.now,
          modes: opts.modes,
          largeMessages: opts.largeMessages,
          onProgress: (p) => events.emit('sync.progress', p),
          settleThreads: opts.settleThreads,
          onThreadsChanged: (threadIds) => events.emit('threads.changed', { threadIds }),
          onBodiesStored: (threadIds) => events.emit('threads.changed', { threadIds }),
          spareConnection: opts.spareSlot ? () => spareConnection(account, opts.secret, opts.spareSlot!) : undefined,
        },
        opts.extraFolders,
        opts.teamPass ? () => opts.teamPass!(client) : undefined,
      );
    });
    return { folders, durationMs: opts.now() - began };
  } catch (error) {
    // A full disk is this machine's problem, not the server's or a folder's: say so plainly.
    // A sign-in problem (signed out, no client ID) is said in its own words, not as a socket error.
    const e: { code: ErrorCode; message: string; detail?: string } = isDiskFull(error)
      ? { code: 'disk-full' as const, message: DISK_FULL_MESSAGE }
      : error instanceof AuthError
        ? { code: error.code, message: error.message }
        : explainConnectionError(error, server, connected ? 'session' : 'connect');
    // Status and diagnostics keep the command and the server's full answer too.
    if (e.code !== 'disk-full')
      recordFolderError(opts.db, account.id, e.detail ? `${e.message} (${e.detail})` : e.message);
    events.emit('sync.error', e);
    throw new AppError(e.code, e.message);
  }
}
