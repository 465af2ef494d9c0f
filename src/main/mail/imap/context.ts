import type { Db } from '../../store/db';
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
  onThreadsChanged?: (threadIds: number[]) => void;
  /**
   * Bodies were filled in: snippets and attachments changed, but not who wrote when, so
   * deadlines and team rows need no recompute (the costliest part of a large first sync).
   */
  onBodiesStored?: (threadIds: number[]) => void;
  /** Where large messages are streamed to (absent without a data folder: all are fetched whole). */
  largeMessages?: LargeMessages;
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
