import type { ImapFlow, ListResponse } from 'imapflow';
import type { Db } from '../../store/db';
import type { SyncProgress } from '../../../shared/types';
import { ensureFolder, resetFolder, updateSyncState, type Folder, type FolderRole } from '../../store/repos/folders';
import { storeMessage } from '../../store/ingest';
import { deleteFolderMessages } from '../../store/repos/messages';
import { refreshThread } from '../../store/repos/threads';
import { parseMessage } from '../parse';

/** Where a sync writes and whom it tells. */
export interface SyncContext {
  db: Db;
  accountId: number;
  teamAddresses: Set<string>;
  now: () => number;
  onProgress?: (p: SyncProgress) => void;
  onThreadsChanged?: (threadIds: number[]) => void;
}

/** The outcome for one folder. */
export interface FolderSyncResult {
  path: string;
  fetched: number;
  failed: number;
}

/** UIDs per FETCH: big enough to stream, small enough to commit often. */
const BATCH = 500;

/** INBOX plus the Sent folder, found by SPECIAL-USE (RFC 6154) or imapflow's name hints. */
export async function foldersToSync(client: ImapFlow): Promise<Array<{ path: string; role: FolderRole }>> {
  const list: ListResponse[] = await client.list();
  const sent = list.find((f) => f.specialUse === '\\Sent');
  const out: Array<{ path: string; role: FolderRole }> = [{ path: 'INBOX', role: 'inbox' }];
  if (sent) out.push({ path: sent.path, role: 'sent' });
  return out;
}

interface Fetched {
  uid: number;
  flags: string[];
  raw: Buffer;
  internalDate: number;
}

async function fetchBatch(client: ImapFlow, from: number, to: number): Promise<Fetched[]> {
  const out: Fetched[] = [];
  // BODY.PEEK via `source`: sync never sets \Seen (RFC 3501 §6.4.5). No other command runs inside the loop.
  for await (const msg of client.fetch(
    `${from}:${to}`,
    { uid: true, flags: true, internalDate: true, source: true },
    { uid: true },
  )) {
    if (!msg.source || msg.uid < from) continue;
    const date = msg.internalDate ? new Date(msg.internalDate).getTime() : Date.now();
    out.push({ uid: msg.uid, flags: [...(msg.flags ?? [])], raw: msg.source, internalDate: date });
  }
  return out;
}

async function storeBatch(
  ctx: SyncContext,
  folder: Folder,
  batch: Fetched[],
): Promise<{ threads: number[]; failed: number }> {
  const threads = new Set<number>();
  let failed = 0;
  for (const m of batch) {
    const parsed = await parseMessage(m.raw, m.internalDate);
    const threadId = storeMessage(
      ctx.db,
      {
        accountId: ctx.accountId,
        folderId: folder.id,
        uid: m.uid,
        flags: m.flags,
        raw: m.raw,
        parsed: parsed.ok ? parsed.message : { error: parsed.error, date: m.internalDate },
      },
      ctx.teamAddresses,
    );
    if (!parsed.ok) failed += 1;
    if (threadId !== null) threads.add(threadId);
  }
  return { threads: [...threads], failed };
}

/**
 * Fetches the messages added to one folder since the last sync, newest batch first, and
 * stores each batch before moving on so a dropped connection resumes without loss.
 */
export async function syncFolder(
  client: ImapFlow,
  ctx: SyncContext,
  path: string,
  role: FolderRole,
): Promise<FolderSyncResult> {
  let folder = ensureFolder(ctx.db, ctx.accountId, path, role);
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const box = client.mailbox;
    if (box === false) throw new Error(`Could not open ${path}`);
    const uidvalidity = String(box.uidValidity);
    if (folder.uidvalidity !== null && folder.uidvalidity !== uidvalidity) {
      // RFC 3501 §2.3.1.1: old UIDs mean nothing now. Thread refs survive by Message-ID.
      const touched = ctx.db.transaction(() => {
        resetFolder(ctx.db, folder.id);
        const ids = deleteFolderMessages(ctx.db, folder.id);
        ids.forEach((id) => refreshThread(ctx.db, id));
        return ids;
      })();
      ctx.onThreadsChanged?.(touched);
      folder = ensureFolder(ctx.db, ctx.accountId, path, role);
    }
    const start = folder.uidnext ?? 1;
    const end = box.uidNext - 1;
    const total = Math.max(0, end - start + 1);
    const began = ctx.now();
    let done = 0;
    let fetched = 0;
    let failed = 0;
    for (let hi = end; hi >= start; hi -= BATCH) {
      const lo = Math.max(start, hi - BATCH + 1);
      const batch = await fetchBatch(client, lo, hi);
      const stored = await storeBatch(ctx, folder, batch);
      fetched += batch.length;
      failed += stored.failed;
      done += hi - lo + 1;
      const secs = Math.max(0.001, (ctx.now() - began) / 1000);
      const rate = done / secs;
      ctx.onProgress?.({ folder: path, done, total, rate, etaSeconds: rate > 0 ? (total - done) / rate : null });
      if (stored.threads.length > 0) ctx.onThreadsChanged?.(stored.threads);
    }
    // Batches go newest first, so uidnext only advances once the whole range is stored.
    updateSyncState(ctx.db, folder.id, {
      uidvalidity,
      uidnext: box.uidNext,
      highestmodseq: box.highestModseq !== undefined ? String(box.highestModseq) : null,
      at: ctx.now(),
    });
    return { path, fetched, failed };
  } finally {
    lock.release();
  }
}
