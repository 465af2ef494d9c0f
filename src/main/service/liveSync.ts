import type { Db } from '../store/db';
import type { Account } from '../store/repos/accounts';
import { listFolders } from '../store/repos/folders';
import { watchFolder, type Watcher } from '../mail/imap/watch';

/** How long to gather a burst of server notifications into one sync pass. */
const DEBOUNCE_MS = 100;
/** A safety net for servers whose IDLE misses something. */
const POLL_MS = 5 * 60_000;

/**
 * Push-driven sync: IDLE watchers on INBOX and Sent (one connection each) ring the bell,
 * and sync passes run one at a time; a ring during a pass schedules exactly one more.
 */
export class LiveSync {
  private watchers: Watcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly runPass: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts watching the account's synced folders (call after a first pass created them). */
  start(account: Account, password: string): void {
    const settings = { ...account.imap, user: account.user, password };
    const paths = listFolders(this.db, account.id)
      .filter((f) => f.role === 'inbox' || f.role === 'sent' || f.role === 'all' || f.role === 'team-log')
      .map((f) => f.path);
    this.watchers = paths.map((path) => watchFolder(settings, path, () => this.ring(), { onError: () => undefined }));
    this.poll = setInterval(() => this.ring(), POLL_MS);
  }

  /** Asks for a pass soon; bursts collapse into one. */
  ring(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pass();
    }, DEBOUNCE_MS);
  }

  private async pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runPass().catch(this.onError);
      } while (this.again);
    })();
    await this.running;
    this.running = null;
  }

  /** Stops watchers and timers, and waits for a pass in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.poll) clearInterval(this.poll);
    this.timer = null;
    this.poll = null;
    await Promise.all(this.watchers.map((w) => w.stop()));
    this.watchers = [];
    await this.running;
  }
}
