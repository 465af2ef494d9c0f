/// <reference lib="dom" />
/** Median and 95th percentile of a sample, in ms rounded to 0.1. */
export function summarize(samples: number[]): { n: number; median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    n: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/**
 * Installed in the page before the app loads: remembers the timestamp of the last trusted
 * keydown (its `timeStamp` is when the key was pressed), so the page can report how long
 * until the DOM showed the result, including layout.
 */
export function installProbe(): void {
  const w = window as unknown as { __lastKey: number; __firstRow: number | null };
  w.__lastKey = 0;
  w.__firstRow = null;
  window.addEventListener('keydown', (e: KeyboardEvent) => (w.__lastKey = e.timeStamp), true);
  new MutationObserver(() => {
    if (w.__firstRow === null && document.querySelector('.thread-row[data-thread-id]')) {
      void document.body.offsetHeight;
      w.__firstRow = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
}
