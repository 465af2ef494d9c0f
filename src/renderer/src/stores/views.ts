import { create } from 'zustand';
import type { UnreadableMessage } from '../../../shared/types';
import { api } from '../api';
import type { ViewId } from './ui';
import { errorText } from '../callErrors';

/** Upper bound asked of `messages.unreadable`; the count shows "1000+" beyond it. */
export const UNREADABLE_LIMIT = 1000;

/** One entry of the sidebar. */
export interface ViewDef {
  id: ViewId;
  label: string;
  /** The `g` sequence that jumps here, in tinykeys syntax. */
  keys: string;
}

/**
 * The sidebar, in order. Mine, Unassigned, Due soon, Overdue, Waiting and Closed join when
 * the team calls exist (views with counts); Outbox with the outbox calls.
 */
export const VIEWS: readonly ViewDef[] = [
  { id: 'all', label: 'All', keys: 'g a' },
  { id: 'unreadable', label: 'Could not read', keys: 'g x' },
];

/** Counts per view as the service reports them (null: not known yet). */
interface ViewCountState {
  counts: Partial<Record<ViewId, { value: number; more: boolean }>>;
  unreadable: UnreadableMessage[];
  error: string | null;
  /** `allCount` is read once the answer is in, so a count the list set meanwhile is not undone. */
  refresh(allCount: () => { value: number; more: boolean } | null): Promise<void>;
}

/** The view-count store, refreshed on `threads.changed` and after syncs. */
export const useViewCounts = create<ViewCountState>((set, get) => ({
  counts: {},
  unreadable: [],
  error: null,
  async refresh(allCount) {
    try {
      const unreadable = await api['messages.unreadable']({ limit: UNREADABLE_LIMIT });
      const counts = {
        ...get().counts,
        unreadable: { value: unreadable.length, more: unreadable.length >= UNREADABLE_LIMIT },
      };
      const all = allCount();
      if (all) counts.all = all;
      set({ unreadable, counts, error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
}));
