import { describe, expect, it } from 'vitest';
import { connectImap } from '../../src/main/mail/imap/connect';
import { syncFolder } from '../../src/main/mail/imap/folderSync';
import { getAccount } from '../../src/main/store/repos/accounts';
import { listFolders } from '../../src/main/store/repos/folders';
import { mailWorld, startEngine } from '../support/engine';

describe("a folder's saved position", () => {
  // Live sync lends its watching connection to passes: INBOX is already selected there, and
  // the doorbell's STATUS checks refresh the selected folder's UIDNEXT behind the session's view.
  it('stores every message the server has when the pass starts, on a connection that already has the folder open', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support);
    await world.deliverMail({ from: 'ann@customer.example', to: support.address, subject: 'First', text: 'hello' });
    await service.syncNow();
    const account = getAccount(db)!;
    const client = await connectImap({ ...account.imap, user: account.user, password: support.password });
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      for (let i = 0; i < 3; i += 1)
        await world.deliverMail({
          from: `c${i}@customer.example`,
          to: support.address,
          subject: `Order ${i}`,
          text: 'x',
        });
      await client.status('INBOX', { messages: true, uidNext: true, highestModseq: true });
      const ctx = {
        db,
        accountId: account.id,
        teamAddresses: new Set([support.address]),
        now: () => Date.now(),
        modes: { qresync: true, condstore: true },
      };
      await syncFolder(client, ctx, 'INBOX', 'inbox');
      const inbox = listFolders(db, account.id).find((f) => f.path === 'INBOX')!;
      const uids = (
        db.prepare('SELECT uid FROM messages WHERE folder_id = ? ORDER BY uid').all(inbox.id) as { uid: number }[]
      ).map((r) => r.uid);
      expect({ uids, uidnext: inbox.uidnext }).toEqual({ uids: [1, 2, 3, 4], uidnext: 5 });
    } finally {
      await client.logout();
    }
  });
});
