// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

// The renderer's bridge to the engine, answering like the service would; `on` records listeners.
const api = vi.hoisted(() => {
  const coverage = { searchable: 12_400, total: 20_000, indexing: true };
  const listeners = new Map<string, Array<() => void>>();
  return {
    coverage,
    emit: (event: string) => listeners.get(event)?.forEach((l) => l()),
    listening: () => [...listeners.values()].reduce((n, ls) => n + ls.length, 0),
    'search.coverage': vi.fn(async () => ({ ...coverage })),
    on: vi.fn((event: string, listener: () => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
    }),
  };
});
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { COVERAGE_REFRESH_MS, useSearchCoverage, watchSearchCoverage } =
  await import('../../../src/renderer/src/stores/searchCoverage');

afterEach(() => vi.useRealTimers());

describe('the search indexing notice', () => {
  it('says how much is searchable while a sync indexes, follows its progress and goes away when done', async () => {
    vi.useFakeTimers();
    const stop = watchSearchCoverage();
    await vi.advanceTimersByTimeAsync(0);
    expect(useSearchCoverage.getState().notice).toBe(
      'Still indexing: 12,400 of 20,000 messages are searchable so far. Results may be missing.',
    );
    api.coverage.searchable = 16_000;
    api.emit('sync.progress');
    await vi.advanceTimersByTimeAsync(0);
    expect(useSearchCoverage.getState().notice).toContain('16,000 of 20,000');
    // The last bodies land with no event reaching the list: the next tick still sees it.
    api.coverage.searchable = 20_000;
    api.coverage.indexing = false;
    await vi.advanceTimersByTimeAsync(COVERAGE_REFRESH_MS);
    expect(useSearchCoverage.getState().notice).toBeNull();
    stop();
    expect(api.listening()).toBe(0);
    const asked = api['search.coverage'].mock.calls.length;
    await vi.advanceTimersByTimeAsync(COVERAGE_REFRESH_MS * 3);
    expect(api['search.coverage'].mock.calls.length).toBe(asked); // stopped: no more asking
  });
});
