/**
 * The demo's postman, behind the same outbox as a real mailbox (the outbox's `Postman`, which
 * the service hands it as): a reply
 * is "accepted" at once and reaches its made-up customer, who answers later (customers.ts);
 * its copy is filed in the demo's Sent and the customer's message marked answered, as IMAP
 * filing does on a server. Nothing leaves the computer.
 */
import type { DemoCustomers } from './customers';
import { fileInDemoFolder, inDemoFolder, markDemoAnswered, type DemoBox } from './localMail';

/** What the demo postman needs: the demo mailbox, its customers, who to tell about filed mail. */
export interface DemoPostmanDeps {
  box: DemoBox;
  customers: DemoCustomers;
  /** A reply was filed: these threads changed (Sent copy, \Answered). */
  filed: (threadIds: number[]) => void;
}

/** What the demo "server" says when it takes a reply. */
export const DEMO_ACCEPTED = '250 2.0.0 Kept in the demo mailbox (nothing leaves this computer)';

/** What the demo postman does, in the shape of the outbox's `Postman` (outbox/delivery.ts). */
export interface DemoPostman {
  submit(envelope: { from: string; to: string[] }, raw: Buffer): Promise<{ response: string; rejected: [] }>;
  file(reply: {
    raw: Buffer;
    messageId: string;
    parentMessageId: string | null;
    date: number;
  }): Promise<{ appended: boolean; answered: boolean }>;
  sentCheck(): Promise<(messageId: string) => Promise<boolean>>;
}

/** The postman of the demo mailbox. */
export function demoPostman(deps: DemoPostmanDeps): DemoPostman {
  const { box, customers } = deps;
  return {
    submit: async (_envelope, raw) => {
      await customers.received(raw);
      return { response: DEMO_ACCEPTED, rejected: [] };
    },
    file: async (reply) => {
      const thread = await fileInDemoFolder(box, 'Sent', reply.raw, {
        flags: ['\\Seen'],
        receivedAt: reply.date,
        messageId: reply.messageId,
      });
      const answered = reply.parentMessageId ? markDemoAnswered(box, reply.parentMessageId) : null;
      const touched = [...new Set([thread, answered].filter((id): id is number => id !== null))];
      if (touched.length > 0) deps.filed(touched);
      return { appended: thread !== null, answered: answered !== null };
    },
    sentCheck: async () => async (messageId) => inDemoFolder(box, 'Sent', messageId),
  };
}
