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

const { COUNTS_REFRESH_MS, startTeamwork, useCounts } =
  await import('../../../src/renderer/src/features/teamwork/stores');

afterEach(() => vi.useRealTimers());

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
});
