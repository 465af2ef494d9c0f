import type { ConnectionState } from '../../shared/connection';
import { backoffDelay } from '../mail/imap/backoff';

/** Waits between attempts to reach a saved mailbox: 5 s at first, doubling up to five minutes. */
export const FIRST_RETRY_MS = 5_000;
export const LONGEST_RETRY_MS = 300_000;

/** A timer that can be cancelled; injected so tests drive time instead of sleeping. */
export type Schedule = (run: () => void, ms: number) => { cancel(): void };

const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return { cancel: () => clearTimeout(timer) };
};

export interface ConnectorDeps {
  /** One attempt to go live: the first sync pass, then push sync. Throws when the server is away. */
  connect: () => Promise<void>;
  /** Words for a failed attempt (already explained by the sync code). */
  explain: (error: unknown) => string;
  /** The attempt failed because the person must sign in again: retrying cannot help. */
  needsSignIn?: (error: unknown) => boolean;
  emit: (state: ConnectionState) => void;
  now: () => number;
  schedule?: Schedule;
  /** Jitter in [0, 1), so a team's apps do not all knock at once after an outage; Math.random by default. */
  random?: () => number;
}

/**
 * Brings a saved mailbox live, at once after Connect or at start-up, and keeps trying with
 * backoff while its server cannot be reached ("Save and connect later"), saying so each time.
 */
export class Connector {
  private current: ConnectionState = { state: 'none' };
  private timer: { cancel(): void } | null = null;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly deps: ConnectorDeps) {}

  get state(): ConnectionState {
    return this.current;
  }

  /**
   * The provider signed the mailbox out: no attempts until {@link start} after a new sign-in.
   * Called while live (the watcher's refresh was refused) or during an attempt.
   */
  pause(message: string): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
    this.attempt = 0;
    this.set({ state: 'signed-out', message });
  }

  /** Starts (or restarts at once) the attempts; a no-op once live. */
  start(): void {
    if (this.current.state === 'live' || this.current.state === 'connecting') return;
    this.stopped = false;
    this.timer?.cancel();
    this.timer = null;
    void this.tryOnce();
  }

  /** Stops retrying (quit, account removed, demo opened). */
  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
    this.attempt = 0;
    this.set({ state: 'none' });
  }

  private set(state: ConnectionState): void {
    this.current = state;
    this.deps.emit(state);
  }

  private async tryOnce(): Promise<void> {
    this.attempt += 1;
    this.set({ state: 'connecting' });
    try {
      await this.deps.connect();
      if (this.stopped) return;
      this.attempt = 0;
      this.set({ state: 'live' });
    } catch (error) {
      if (this.stopped) return;
      if (this.deps.needsSignIn?.(error)) return this.pause(this.deps.explain(error));
      const random = (this.deps.random ?? Math.random)();
      const wait = backoffDelay(this.attempt - 1, random, FIRST_RETRY_MS, LONGEST_RETRY_MS);
      this.set({
        state: 'retrying',
        message: this.deps.explain(error),
        attempt: this.attempt,
        nextAttemptAt: this.deps.now() + wait,
      });
      this.timer = (this.deps.schedule ?? realSchedule)(() => {
        this.timer = null;
        void this.tryOnce();
      }, wait);
    }
  }
}
