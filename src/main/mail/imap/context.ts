import type { ImapFlowOptions } from 'imapflow';
import type { Db } from '../../store/db';
import { refreshThreads } from '../../store/ingest';
import { deleteByUids } from '../../store/repos/messages';
import type { SyncProgress } from '../../../shared/types';
import type { LargeMessages } from './largeMessage';

/** Which incremental-sync extensions the engine may use (tests turn them off to cover every path). */
export interface SyncModes {
  qresync: boolean;
  condstore: boolean;
  /** A folder's first sync fetches whole messages in one pass (default); false: headers, then bodies. */
  onePass?: boolean;
}

/** Where a sync writes and whom it tells. */
export interface SyncContext {
  db: Db;
  accountId: number;
  teamAddresses: Set<string>;
  now: () => number;
  modes: SyncModes;
  onProgress?: (p: SyncProgress) => void;
  /**
   * The writes that follow from threads a write touched (team rows, due times), run inside
   * that write's transaction: a sync stopped between the two would leave a thread stored
   * without its due time, and nothing would recompute it until the thread changed again.
   */
  settleThreads?: (threadIds: number[]) => void;
  /** Threads changed and are committed: tell listeners. */
  onThreadsChanged?: (threadIds: number[]) => void;
  /**
   * Bodies were filled in: snippets and attachments changed, but not who wrote when, so
   * deadlines and team rows need no recompute (the costliest part of a large first sync).
   */
  onBodiesStored?: (threadIds: number[]) => void;
  /** Where large messages are streamed to (absent without a data folder: all are fetched whole). */
  largeMessages?: LargeMessages;
  /**
   * One more connection for a large first sync to fetch on (mail/fetchWorker.ts), when the
   * connection budget has room; null when it has none.
   */
  spareConnection?: () => Promise<SpareConnection | null>;
}

/** Options for one more connection, and its slot in the budget to give back when it closes. */
export interface SpareConnection {
  options: ImapFlowOptions;
  release: () => void;
}

/**
 * Commits a write and the writes that follow from the threads it touched in one transaction
 * (an outer transaction makes the write's own a savepoint), then tells listeners.
 */
export function commitTouching(ctx: SyncContext, write: () => number[]): number[] {
  const touched = ctx.db.transaction(() => {
    const threads = write();
    if (threads.length > 0) ctx.settleThreads?.(threads);
    return threads;
  })();
  if (touched.length > 0) ctx.onThreadsChanged?.(touched);
  return touched;
}

/** Drops messages the server no longer has (expunged meanwhile), as an expunge does. */
export function dropExpunged(ctx: SyncContext, folderId: number, uids: number[]): number[] {
  return commitTouching(ctx, () => {
    const threads = deleteByUids(ctx.db, folderId, uids);
    refreshThreads(ctx.db, threads, ctx.teamAddresses);
    return threads;
  });
}

/** The outcome for one folder. */
export interface FolderSyncResult {
  path: string;
  fetched: number;
  failed: number;
  flagsChanged: number;
  expunged: number;
  mode: 'qresync' | 'condstore' | 'full';
}

/** Reports progress with a rate and ETA computed from when the phase began. */
export function progressReporter(ctx: SyncContext, folder: string, total: number): (done: number) => void {
  const began = ctx.now();
  return (done) => {
    const secs = Math.max(0.001, (ctx.now() - began) / 1000);
    const rate = done / secs;
    ctx.onProgress?.({ folder, done, total, rate, etaSeconds: rate > 0 ? Math.max(0, total - done) / rate : null });
  };
}
