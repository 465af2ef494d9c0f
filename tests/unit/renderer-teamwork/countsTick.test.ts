// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

// The renderer's bridge to the engine, answering like the service would; `on` records listeners.
const api = vi.hoisted(() => {
  let overdue = 0;
  return {
    passTime: () => (overdue += 1),
    'views.counts': vi.fn(async () => ({ overdue })),
    'roster.list': vi.fn(async () => []),
    'outbox.list': vi.fn(async () => []),
    on: vi.fn(() => () => undefined),
  };
});
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { COUNTS_MIN_GAP_MS, COUNTS_REFRESH_MS, startTeamwork, useCounts } =
  await import('../../../src/renderer/src/features/teamwork/stores');

afterEach(() => vi.useRealTimers());

/** Emits a service event to the listeners the stores registered. */
function emit(event: string): void {
  const calls = api.on.mock.calls as unknown as Array<[string, () => void]>;
  for (const [name, listener] of calls) if (name === event) listener();
}

describe('sidebar counts', () => {
  it('are asked again every minute, so Overdue counts a deadline that passed with no event', async () => {
    vi.useFakeTimers();
    const stop = startTeamwork();
    await vi.advanceTimersByTimeAsync(0);
    expect(useCounts.getState().counts.overdue).toBe(0);
    api.passTime(); // a deadline passes: the engine's answer changes, and no event says so
    await vi.advanceTimersByTimeAsync(COUNTS_REFRESH_MS);
    expect(useCounts.getState().counts.overdue).toBe(1);
    stop();
    api.passTime();
    await vi.advanceTimersByTimeAsync(COUNTS_REFRESH_MS * 2);
    expect(useCounts.getState().counts.overdue).toBe(1); // stopped: no more asking
  });

  it('are asked once per gap while a first sync changes threads after every batch', async () => {
    vi.useFakeTimers();
    api.on.mockClear();
    api['views.counts'].mockClear();
    const stop = startTeamwork();
    await vi.advanceTimersByTimeAsync(0);
    expect(api['views.counts']).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 30; i += 1) {
      emit('threads.changed'); // a batch stored every 100 ms for 3 s
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(api['views.counts'].mock.calls.length).toBeLessThanOrEqual(1 + Math.ceil(3000 / COUNTS_MIN_GAP_MS));
    const last = api.passTime();
    emit('threads.changed'); // the last batch: its change shows within one gap
    await vi.advanceTimersByTimeAsync(COUNTS_MIN_GAP_MS);
    expect(useCounts.getState().counts.overdue).toBe(last);
    stop();
  });
});
