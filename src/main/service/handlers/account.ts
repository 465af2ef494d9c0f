import { checkAccount, checkServers } from '../../mail/accountCheck';
import { getAccount, toAccountView } from '../../store/repos/accounts';
import { ensureFolder } from '../../store/repos/folders';
import { folderStatus } from '../status';
import { connectImap } from '../../mail/imap/connect';
import { serverOf } from '../../mail/login';
import { serverFolder } from '../../mail/imap/folderCheck';
import { explainConnectionError } from '../../mail/connectionErrors';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';
import { AppError } from '../../appError';

/** The connected mailbox: its settings, testing them, syncing it and its folders. */
export const accountHandlers = (core: ServiceCore) =>
  ({
    'account.get': async () => {
      const account = getAccount(core.db);
      return account ? toAccountView(account) : null;
    },
    'account.test': async (input) => (core.deps.checkAccount ?? checkAccount)(input),
    'account.save': async (input) => core.saveAccount(input),
    'account.saveLater': async (input) => core.saveAccountLater(input),
    'account.testSaved': async () => {
      const account = core.requireAccount();
      if (account.auth.kind === 'oauth2') return checkServers(account, await core.logins.secretFor(account));
      const password = await core.deps.secrets.get(account.secretRef);
      if (password === null)
        throw new AppError('auth', 'The password for this mailbox is missing. Use "Sign in again" to enter it.');
      const { id: _id, secretRef: _ref, auth: _auth, ...settings } = account;
      return (core.deps.checkAccount ?? checkAccount)({ ...settings, password });
    },
    'account.remove': async () => core.removeAccount(),
    'connection.get': async () => core.connection(),
    'connection.retry': async () => core.retryConnection(),
    'sync.now': async () => core.syncNow(),
    'sync.status': async () => {
      const account = getAccount(core.db);
      return account ? folderStatus(core.db, account.id, core.deps.now()) : [];
    },
    'folders.add': async ({ path }) => {
      const account = core.requireAccount();
      ensureFolder(core.db, account.id, await folderOnServer(core, path), 'other');
      return folderStatus(core.db, account.id, core.deps.now());
    },
  }) satisfies Partial<Handlers>;

/** The server's name for `path`, after asking the server (LIST) that it has that folder. */
async function folderOnServer(core: ServiceCore, path: string): Promise<string> {
  const account = core.requireAccount();
  const secret = await core.logins.secretFor(account);
  let list;
  try {
    const client = await connectImap({ ...serverOf(account, 'imap'), ...secret });
    try {
      list = await client.list();
    } finally {
      await client.logout().catch(() => client.close());
    }
  } catch (error) {
    const e = explainConnectionError(
      error,
      { kind: 'IMAP', host: account.imap.host, port: account.imap.port },
      'session',
    );
    throw new AppError(e.code, e.message);
  }
  const found = serverFolder(list, path);
  if (!found.ok) throw new AppError('not-found', found.message);
  return found.path;
}
