import type { Db } from '../../src/main/store/db';
import { saveAccount } from '../../src/main/store/repos/accounts';

/** The shared mailbox's account, saved in a store test's database (servers never contacted). */
export function addSupportAccount(db: Db, address = 'support@shop.example'): number {
  return saveAccount(
    db,
    {
      address,
      displayName: '',
      imap: { host: 'h', port: 1, tls: 'none' },
      smtp: { host: 'h', port: 1, tls: 'none' },
      user: 'u',
      secretRef: 'r',
    },
    0,
  );
}
