import type { ImapFlow } from 'imapflow';

/** Runs `work` on an IMAP connection someone lends (live sync's watching one, or a short-lived one). */
export type WithConnection = <T>(work: (client: ImapFlow) => Promise<T>) => Promise<T>;

/**
 * How many IMAP connections one teammate's Promptly may hold at once. Servers count every
 * connection of the shared account (Dovecot: 10 per user and IP by default), so the whole
 * team shares one allowance; see README "Connections".
 */
export class ConnectionBudget {
  private inUse = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly max: number) {}

  /** Connections open now. */
  get held(): number {
    return this.inUse;
  }

  /** Takes a slot without waiting; null when all are taken. */
  tryAcquire(): (() => void) | null {
    if (this.inUse >= this.max) return null;
    this.inUse += 1;
    return this.releaser();
  }

  /** Waits for a slot; call the returned function to give it back (idempotent). */
  async acquire(): Promise<() => void> {
    const now = this.tryAcquire();
    if (now) return now;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.releaser();
  }

  /** Runs `work` while holding a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so the count stays the same.
      if (next) next();
      else this.inUse -= 1;
    };
  }
}
