import type { ImapFlow } from 'imapflow';
import { listFolders } from '../../store/repos/folders';
import { countPendingBodies } from '../../store/repos/messages';
import { fetchBodies } from './bodies';
import { foldersToSync } from './folders';
import { syncFolder } from './folderSync';
import { sweepSourceFiles } from './largeMessage';
import type { FolderSyncResult, SyncContext } from './context';

/**
 * One pass over the account on an open connection: every folder's changes and new
 * headers first (so the list is complete quickly), then the bodies still missing.
 */
export async function syncMailbox(
  client: ImapFlow,
  ctx: SyncContext,
  extraFolders: string[] = [],
  afterHeaders?: () => Promise<void>,
): Promise<FolderSyncResult[]> {
  const results: FolderSyncResult[] = [];
  for (const f of await foldersToSync(client, extraFolders))
    results.push(await syncFolder(client, ctx, f.path, f.role));
  // The team log goes between headers and bodies, so its events find the threads just synced.
  await afterHeaders?.();
  for (const folder of listFolders(ctx.db, ctx.accountId)) {
    const pending = countPendingBodies(ctx.db, folder.id);
    if (pending === 0) continue;
    const lock = await client.getMailboxLock(folder.path, { readOnly: true });
    try {
      const { failed } = await fetchBodies(client, ctx, folder, pending);
      const result = results.find((r) => r.path === folder.path);
      if (result) result.failed += failed;
    } finally {
      lock.release();
    }
  }
  // Originals of large messages expunged during this pass are deleted with them.
  if (ctx.largeMessages) sweepSourceFiles(ctx.db, ctx.largeMessages.dataDir);
  return results;
}
