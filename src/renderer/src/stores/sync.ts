import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/errors';
import type { SyncProgress } from '../../../shared/types';
import { api } from '../api';
import { errorText } from '../callErrors';

/** Error codes that mean "the network is not there", not "the server said no". */
export const OFFLINE_CODES: ReadonlySet<string> = new Set(['network', 'connection-refused', 'dns', 'timeout']);

/** The connection line says this one, with its Sign in again button (ConnectionLine). */
const SAID_BY_CONNECTION_LINE = 'signed-out';

/** Sync feedback: progress of the pass in flight and whether the server is reachable. */
interface SyncState {
  progress: SyncProgress | null;
  syncing: boolean;
  offline: boolean;
  lastError: string | null;
  onProgress(p: SyncProgress): void;
  onError(e: ErrorInfo): void;
  syncNow(): Promise<void>;
}

/** The sync store; offline lasts until the next sync succeeds. */
export const useSync = create<SyncState>((set) => ({
  progress: null,
  syncing: false,
  offline: false,
  lastError: null,
  onProgress(progress) {
    // Progress means a pass is working again: whatever was offline (or the full disk) is over.
    set({ progress: progress.done >= progress.total ? null : progress, offline: false, lastError: null });
  },
  onError(error) {
    const lastError = error.code === SAID_BY_CONNECTION_LINE ? null : error.message;
    set({ offline: OFFLINE_CODES.has(error.code), lastError, progress: null });
  },
  async syncNow() {
    set({ syncing: true });
    try {
      await api['sync.now']({});
      set({ offline: false, lastError: null });
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      set({ offline: OFFLINE_CODES.has(code), lastError: code === SAID_BY_CONNECTION_LINE ? null : errorText(error) });
    } finally {
      set({ syncing: false, progress: null });
    }
  },
}));
