import { create } from 'zustand';
import type { AppInfo, SyncProgress, ThreadDetail, ThreadSummary } from '../../../shared/types';
import { api } from '../api';

/** What the triage screen shows; the service stays the truth, this only mirrors it. */
interface TriageState {
  info: AppInfo | null;
  threads: ThreadSummary[];
  selected: number;
  open: ThreadDetail | null;
  progress: SyncProgress | null;
  syncing: boolean;
  error: string | null;
  load(): Promise<void>;
  refresh(): Promise<void>;
  move(delta: number): void;
  select(index: number): void;
  openSelected(): Promise<void>;
  close(): void;
  sync(): Promise<void>;
  setProgress(p: SyncProgress | null): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The triage store: thread list, selection and the open thread. */
export const useTriage = create<TriageState>((set, get) => ({
  info: null,
  threads: [],
  selected: 0,
  open: null,
  progress: null,
  syncing: false,
  error: null,
  async load() {
    try {
      const [info, threads] = await Promise.all([api['app.info']({}), api['threads.list']({ limit: 5000 })]);
      set({ info, threads, error: null });
    } catch (error) {
      set({ error: message(error) });
    }
  },
  async refresh() {
    const keep = get().threads[get().selected]?.id;
    const threads = await api['threads.list']({ limit: 5000 });
    const index = threads.findIndex((t) => t.id === keep);
    set({ threads, selected: index >= 0 ? index : Math.min(get().selected, Math.max(0, threads.length - 1)) });
    const open = get().open;
    if (open) set({ open: await api['thread.get']({ id: open.thread.id }).catch(() => null) });
  },
  move(delta) {
    const { threads, selected } = get();
    if (threads.length === 0) return;
    set({ selected: Math.min(threads.length - 1, Math.max(0, selected + delta)) });
  },
  select(index) {
    set({ selected: index });
  },
  async openSelected() {
    const thread = get().threads[get().selected];
    if (!thread) return;
    try {
      set({ open: await api['thread.get']({ id: thread.id }), error: null });
    } catch (error) {
      set({ error: message(error) });
    }
  },
  close() {
    set({ open: null });
  },
  async sync() {
    set({ syncing: true, error: null });
    try {
      await api['sync.now']({});
      await get().refresh();
    } catch (error) {
      set({ error: message(error) });
    } finally {
      set({ syncing: false, progress: null });
    }
  },
  setProgress(progress) {
    set({ progress });
  },
}));
