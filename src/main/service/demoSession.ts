import type { Db } from '../store/db';
import type { Postman } from '../outbox/delivery';
import { DemoCustomers } from '../demo/customers';
import { demoPostman } from '../demo/postman';
import { appendPendingLocally } from '../demo/teamLog';
import type { TeamEngine } from './team';

/** What the demo's moving parts need of the account around them. */
export interface DemoSessionHost {
  db: Db;
  accountId: number;
  /** The shared address of the demo mailbox. */
  address: string;
  now: () => number;
  team: () => TeamEngine | null;
  /** Mail was filed locally (a reply in Sent, a customer's answer): these threads changed. */
  stored: (threadIds: number[]) => void;
}

/**
 * The demo mailbox brought to life where a real one has servers: the outbox's postman files
 * replies locally, the made-up customers answer them, and the team log is appended locally.
 * Everything else (outbox, team engine, deadlines) is the same code a real mailbox runs.
 */
export class DemoSession {
  readonly customers: DemoCustomers;
  readonly postman: Postman;

  constructor(private readonly host: DemoSessionHost) {
    const box = { db: host.db, accountId: host.accountId, address: host.address };
    this.customers = new DemoCustomers({ box, now: host.now, arrived: host.stored });
    this.postman = demoPostman({ box, customers: this.customers, filed: host.stored });
  }

  /** What a sync's team log pass does: my queued actions appended, then folded in. */
  ring(): void {
    const sync = appendPendingLocally(this.host.db, this.host.accountId);
    if (sync.entries.length > 0) this.host.team()?.applyLog(sync);
  }

  /** Customers start answering (the app runs this; tests may call `customers.deliverDue` instead). */
  start(): void {
    this.customers.start();
  }

  async stop(): Promise<void> {
    await this.customers.stop();
  }
}
