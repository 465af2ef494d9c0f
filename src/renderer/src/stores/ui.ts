import { create } from 'zustand';

/** Which overlay is up; at most one at a time. */
export type Overlay = 'none' | 'help' | 'palette';

/** Window-level UI state that is not mail: overlays and which view is shown. */
interface UiState {
  overlay: Overlay;
  view: ViewId;
  setOverlay(overlay: Overlay): void;
  setView(view: ViewId): void;
}

/** Every view: thread lists (all and the team views), the unreadable list, and screens. */
export type ViewId =
  | 'all'
  | 'unreadable'
  | 'mine'
  | 'unassigned'
  | 'due'
  | 'overdue'
  | 'promised'
  | 'waiting'
  | 'closed'
  | 'outbox'
  | 'dashboard'
  | 'settings';

/** The UI store. */
export const useUi = create<UiState>((set) => ({
  overlay: 'none',
  view: 'all',
  setOverlay(overlay) {
    set({ overlay });
  },
  setView(view) {
    set({ view });
  },
}));
