import { create } from 'zustand';
import type { ThreadDetail } from '../../../shared/types';
import { api } from '../api';
import { errorText } from '../callErrors';

/** The open conversation, as `thread.get` last returned it. */
interface OpenThreadState {
  openId: number | null;
  detail: ThreadDetail | null;
  error: string | null;
  open(id: number): Promise<void>;
  close(): void;
  /** Refetches after a change event that touched this thread (or when ids are unknown). */
  refresh(changedIds?: number[]): Promise<void>;
}

/** The open-thread store. */
export const useOpenThread = create<OpenThreadState>((set, get) => ({
  openId: null,
  detail: null,
  error: null,
  async open(id) {
    set({ openId: id, error: null });
    try {
      const detail = await api['thread.get']({ id });
      if (get().openId === id) set({ detail });
    } catch (error) {
      if (get().openId === id) set({ detail: null, error: errorText(error) });
    }
  },
  close() {
    set({ openId: null, detail: null, error: null });
  },
  async refresh(changedIds) {
    const id = get().openId;
    if (id === null || (changedIds && changedIds.length > 0 && !changedIds.includes(id))) return;
    try {
      const detail = await api['thread.get']({ id });
      if (get().openId === id) set({ detail });
    } catch (error) {
      if (get().openId === id) set({ error: errorText(error) });
    }
  },
}));
