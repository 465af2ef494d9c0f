import { isDiskFull } from '../store/diskFull';

/** How often a sync paused by a full disk tries again. */
export const DISK_FULL_RETRY_MS = 30_000;

/** Timers, injectable so tests run on a manual clock. */
export interface RetryTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: RetryTimers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Live sync pauses while the disk is full and resumes by itself: after a pass failed with
 * a full disk, one retry is scheduled; a retry that fails again schedules the next. The
 * failed pass rolled back, so the retry starts where the last committed batch ended.
 */
export class DiskFullRetry {
  private pending: unknown = null;

  constructor(
    private readonly retry: () => void,
    private readonly ms: number = DISK_FULL_RETRY_MS,
    private readonly timers: RetryTimers = realTimers,
  ) {}

  /** A pass failed: if the disk was full, try again later. Returns whether it was a full disk. */
  failed(error: unknown): boolean {
    if (!isDiskFull(error)) return false;
    if (this.pending === null)
      this.pending = this.timers.set(() => {
        this.pending = null;
        this.retry();
      }, this.ms);
    return true;
  }

  /** Whether a retry is waiting (the sync is paused). */
  get paused(): boolean {
    return this.pending !== null;
  }

  /** Cancels a waiting retry (live sync stopped). */
  stop(): void {
    if (this.pending !== null) this.timers.clear(this.pending);
    this.pending = null;
  }
}
