import { checkAccount } from '../../mail/accountCheck';
import { getAccount, toAccountView } from '../../store/repos/accounts';
import { ensureFolder } from '../../store/repos/folders';
import { folderStatus } from '../status';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

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
    'account.testSaved': async () => core.testSavedAccount(),
    'account.remove': async () => core.removeAccount(),
    'connection.get': async () => core.connection(),
    'sync.now': async () => core.syncNow(),
    'sync.status': async () => {
      const account = getAccount(core.db);
      return account ? folderStatus(core.db, account.id, core.deps.now()) : [];
    },
    'folders.add': async ({ path }) => {
      const account = core.requireAccount();
      ensureFolder(core.db, account.id, path, 'other');
      return folderStatus(core.db, account.id, core.deps.now());
    },
  }) satisfies Partial<Handlers>;
