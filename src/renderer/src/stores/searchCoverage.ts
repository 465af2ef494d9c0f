import { create } from 'zustand';
import { indexingNotice } from '../../../shared/searchCoverage';
import { api } from '../api';

/** How often a shown search asks again while nothing pushes (events cover a running sync). */
export const COVERAGE_REFRESH_MS = 5000;

/** Whether search can see the whole mailbox yet, as the sentence the results show. */
interface CoverageState {
  /** "Still indexing: …" while some messages are not searchable yet; null once all are. */
  notice: string | null;
  refresh(): Promise<void>;
}

let asking: Promise<void> | null = null;

export const useSearchCoverage = create<CoverageState>((set) => ({
  notice: null,
  refresh() {
    // One question at a time: a first sync reports progress many times a second.
    asking ??= api['search.coverage']({})
      .then(
        (coverage) => set({ notice: indexingNotice(coverage) }),
        () => undefined,
      )
      .finally(() => {
        asking = null;
      });
    return asking;
  },
}));

/**
 * Keeps the notice current while search results are shown: asked at once, again on every
 * sync progress and list change, and every few seconds. Returns the stop.
 */
export function watchSearchCoverage(): () => void {
  const refresh = (): void => void useSearchCoverage.getState().refresh();
  refresh();
  const offs = [api.on('sync.progress', refresh), api.on('threads.changed', refresh)];
  const ticking = setInterval(refresh, COVERAGE_REFRESH_MS);
  return () => {
    clearInterval(ticking);
    offs.forEach((off) => off());
  };
}
