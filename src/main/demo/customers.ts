/**
 * The demo's customers: every reply the team sends them is answered within a minute on
 * the engine's clock. Planned answers are kept in the demo database (a setting), so an answer
 * is filed once even when its reply is reported twice. Only the demo makes one of these.
 */
import { getSetting, setSetting } from '../store/repos/settings';
import { parseMessage } from '../mail/parse';
import { composeAnswer, planAnswer, type DemoAnswer } from './answers';
import { fileInDemoFolder, type DemoBox } from './localMail';

const PLANNED = 'demo.answers';

/** What the customers need: the demo mailbox, the engine's clock, and who to tell about new mail. */
export interface DemoCustomersDeps {
  box: DemoBox;
  now: () => number;
  /** Answers were filed in INBOX: these threads changed. */
  arrived: (threadIds: number[]) => void;
}

/** The demo's customers, answering the team's replies. */
export class DemoCustomers {
  private timer: NodeJS.Timeout | null = null;
  private delivering: Promise<number[]> | null = null;

  constructor(private readonly deps: DemoCustomersDeps) {}

  /** Answers planned and not yet sent, earliest first. */
  planned(): DemoAnswer[] {
    return getSetting<DemoAnswer[]>(this.deps.box.db, PLANNED, []).sort((a, b) => a.dueAt - b.dueAt);
  }

  /** A reply reached its customer: plans their answer (once per reply); null when nobody answers. */
  async received(raw: Buffer): Promise<DemoAnswer | null> {
    const now = this.deps.now();
    const parsed = await parseMessage(raw, now);
    if (!parsed.ok) return null;
    const planned = this.planned();
    const known = planned.find((a) => a.answers === parsed.message.messageId);
    if (known) return known;
    const answer = planAnswer(parsed.message, this.deps.box.address, now);
    if (answer) setSetting(this.deps.box.db, PLANNED, [...planned, answer]);
    return answer;
  }

  /** Files every answer whose time has come into INBOX, unread; returns the threads they joined. */
  async deliverDue(): Promise<number[]> {
    // One delivery at a time: the timer and a caller never file the same answer twice.
    while (this.delivering) await this.delivering.catch(() => undefined);
    this.delivering = this.deliver().finally(() => {
      this.delivering = null;
    });
    return this.delivering;
  }

  private async deliver(): Promise<number[]> {
    const now = this.deps.now();
    const threads = new Set<number>();
    for (const answer of this.planned().filter((a) => a.dueAt <= now)) {
      const thread = await fileInDemoFolder(this.deps.box, 'INBOX', composeAnswer(answer), {
        flags: [],
        receivedAt: answer.dueAt,
        messageId: answer.messageId,
      });
      const rest = this.planned().filter((a) => a.messageId !== answer.messageId);
      setSetting(this.deps.box.db, PLANNED, rest);
      if (thread !== null) threads.add(thread);
    }
    if (threads.size > 0) this.deps.arrived([...threads]);
    return [...threads];
  }

  /** Looks for due answers every `everyMs` on the engine's clock (the app); `stop` ends it. */
  start(everyMs = 2000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.deliverDue().catch(() => undefined), everyMs);
    this.timer.unref?.();
  }

  /** Stops looking and waits for a delivery in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.delivering?.catch(() => undefined);
  }
}
