import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../../src/renderer/src/stores/coalesce';

/** A run that takes `ms` of (fake) time, recording when each one started. */
function slowRun(ms: number): { run: () => Promise<void>; starts: number[] } {
  const starts: number[] = [];
  const run = () => {
    starts.push(Date.now());
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  return { run, starts };
}

afterEach(() => vi.useRealTimers());

describe('coalesced refresh', () => {
  it('runs the first request at once', async () => {
    vi.useFakeTimers({ now: 0 });
    const { run, starts } = slowRun(100);
    coalesce(run, 2000).request();
    expect(starts).toEqual([0]);
  });

  it('never runs two at once: requests during a run add exactly one more, after the gap', async () => {
    vi.useFakeTimers({ now: 0 });
    const { run, starts } = slowRun(600); // the 600 ms a count took at 100,000 threads
    const gate = coalesce(run, 2000);
    gate.request();
    for (let i = 0; i < 5; i += 1) {
      await vi.advanceTimersByTimeAsync(100); // a batch stored every 100 ms
      gate.request();
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toEqual([0, 2000]);
  });

  it('asks at most once every gap while changes stream in, and once more after the last', async () => {
    vi.useFakeTimers({ now: 0 });
    const { run, starts } = slowRun(50);
    const gate = coalesce(run, 2000);
    for (let t = 0; t < 7000; t += 100) {
      gate.request();
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toEqual([0, 2000, 4000, 6000, 8000]);
  });

  it('runs at once when the last run is longer ago than the gap', async () => {
    vi.useFakeTimers({ now: 0 });
    const { run, starts } = slowRun(10);
    const gate = coalesce(run, 2000);
    gate.request();
    await vi.advanceTimersByTimeAsync(5000);
    gate.request();
    expect(starts).toEqual([0, 5000]);
  });

  it('keeps going after a failed run', async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const gate = coalesce(async () => {
      starts.push(Date.now());
      throw new Error('engine busy');
    }, 2000);
    gate.request();
    await vi.advanceTimersByTimeAsync(10);
    gate.request();
    await vi.advanceTimersByTimeAsync(5000);
    expect(starts).toEqual([0, 2000]);
  });

  it('runs nothing more once stopped', async () => {
    vi.useFakeTimers({ now: 0 });
    const { run, starts } = slowRun(100);
    const gate = coalesce(run, 2000);
    gate.request();
    gate.request();
    gate.stop();
    gate.request();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toEqual([0]);
  });
});
