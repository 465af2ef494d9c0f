import { describe, expect, it } from 'vitest';
import { DiskFullRetry, type RetryTimers } from '../../src/main/service/diskFullRetry';
import { isDiskFull } from '../../src/main/store/diskFull';

/** Timers on a manual clock: `advance` runs what is due. */
function manualTimers(): RetryTimers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let jobs: Array<{ at: number; run: () => void; id: number }> = [];
  let next = 1;
  return {
    set(run, ms) {
      jobs.push({ at: now + ms, run, id: next });
      return next++;
    },
    clear(handle) {
      jobs = jobs.filter((j) => j.id !== handle);
    },
    advance(ms) {
      now += ms;
      const due = jobs.filter((j) => j.at <= now);
      jobs = jobs.filter((j) => j.at > now);
      for (const j of due) j.run();
    },
    pending: () => jobs.length,
  };
}

const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('DiskFullRetry', () => {
  it('recognises a full disk from SQLite, the OS and an explained sync error, and nothing else', () => {
    expect(isDiskFull(sqliteFull)).toBe(true);
    expect(isDiskFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull({ code: 'disk-full', message: 'Your disk is full' })).toBe(true);
    expect(isDiskFull(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isDiskFull('database or disk is full')).toBe(false);
  });

  it('schedules one retry per failure on a full disk until a retry gets through', () => {
    const timers = manualTimers();
    let retries = 0;
    const retry = new DiskFullRetry(() => (retries += 1), 30_000, timers);
    expect(retry.failed(new Error('IMAP said no'))).toBe(false);
    expect(retry.paused).toBe(false);
    expect(retry.failed(sqliteFull)).toBe(true);
    expect(retry.failed(sqliteFull)).toBe(true);
    expect(timers.pending()).toBe(1);
    expect(retry.paused).toBe(true);
    timers.advance(29_999);
    expect(retries).toBe(0);
    timers.advance(1);
    expect(retries).toBe(1);
    expect(retry.paused).toBe(false);
    retry.failed(sqliteFull);
    retry.stop();
    timers.advance(60_000);
    expect(retries).toBe(1);
  });
});
