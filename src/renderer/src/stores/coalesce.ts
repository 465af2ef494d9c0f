/** A refresh that many events ask for, run as few times as still shows the latest state. */
export interface Coalesced {
  /** Asks for a run: at once if allowed, else exactly one more when the gap has passed. */
  request(): void;
  /** Drops a waiting run; one in flight finishes but asks for nothing more. */
  stop(): void;
}

/**
 * Coalesces requests for `run`: never two in flight, requests made during a run add exactly one
 * more, and runs start at least `minGapMs` apart. A first sync changes threads after every batch;
 * without this the sidebar asked the engine for every view's count each time.
 */
export function coalesce(run: () => Promise<void>, minGapMs: number): Coalesced {
  let running = false;
  let wanted = false;
  let stopped = false;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const start = (): void => {
    timer = null;
    wanted = false;
    running = true;
    lastStart = Date.now();
    void run()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (wanted) schedule();
      });
  };
  const schedule = (): void => {
    if (stopped || running || timer) return;
    const wait = lastStart + minGapMs - Date.now();
    if (wait <= 0) start();
    else timer = setTimeout(start, wait);
  };
  return {
    request() {
      wanted = true;
      schedule();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
