import type { Db } from '../store/db';
import type { Account } from '../store/repos/accounts';
import type { QueuedReply } from '../../shared/outbox';
import type { Toast } from '../../shared/contract';
import { Outbox, type Postman } from '../outbox/outbox';
import { outboxDepsForAccount } from '../outbox/forAccount';
import type { TeamEngine } from './team';
import type { DeadlineKeeper } from './deadlines';
import type { MailSecret } from '../mail/login';
import { AuthError } from '../auth/errors';
import { SendFailure } from '../outbox/errors';

/** What the outbox needs from the service around it. */
export interface OutboxWiring {
  db: Db;
  account: Account;
  /** The login for the next connection (a password, or OAuth2 tokens). */
  secret: () => Promise<MailSecret>;
  team: TeamEngine | null;
  deadlines: DeadlineKeeper;
  now: () => number;
  undoMs?: number;
  attachment: (messageRowId: number, part: string) => Promise<{ path: string; filename: string }>;
  changed: (item: QueuedReply) => void;
  toast: (toast: Toast) => void;
  /** A reply went out: sync soon so the team log and Sent catch up. */
  sent: () => void;
  /** How replies leave, when not through the account's servers (the demo). */
  postman?: Postman;
}

/** Builds the account's outbox and connects its events to the team log and the UI. */
export function createOutbox(w: OutboxWiring): Outbox {
  const identity = w.team?.identity() ?? {
    name: w.account.displayName || w.account.address,
    address: w.account.address,
    signature: '',
  };
  // Signed out at the provider: the reply waits (retried after the next sign-in), nothing is lost.
  const secret = async (): Promise<MailSecret> =>
    w.secret().catch((error: unknown) => {
      if (error instanceof AuthError)
        throw new SendFailure(
          error.code === 'signed-out' ? 'signed-out' : 'auth',
          `${error.message} The reply waits in the outbox.`,
          'safe',
          true,
        );
      throw error;
    });
  const base = outboxDepsForAccount(
    w.db,
    w.account,
    secret,
    { name: identity.name, signature: identity.signature },
    w.now,
  );
  return new Outbox({
    ...base,
    // The team's Reply-To comes from the shared policy, read at compose time.
    account: {
      ...base.account,
      get replyTo() {
        return w.deadlines.policy().replyTo;
      },
    },
    teamAddresses: () => [w.account.address.toLowerCase(), ...(w.team?.roster().map((t) => t.address) ?? [])],
    policy: () => w.deadlines.policy(),
    templates: () => w.team?.templates() ?? {},
    ownerName: (threadKey) => w.team?.ownerNameByKey(threadKey) ?? null,
    attachmentFile: w.attachment,
    ...(w.undoMs !== undefined ? { undoMs: w.undoMs } : {}),
    ...(w.postman ? { postman: w.postman } : {}),
    onSent: (sent) => {
      if (sent.threadId !== null) w.team?.recordSent(sent.threadId, sent.promiseAt);
      w.sent();
    },
    onChange: (item) => {
      w.changed(item);
      if (item.state === 'failed' || item.state === 'uncertain') {
        w.toast({
          id: `outbox-${item.id}-${item.state}`,
          kind: 'send-failed',
          message:
            item.state === 'uncertain'
              ? 'A reply may not have been sent. Check the outbox and send it again if needed.'
              : `Not sent: “${item.subject || '(no subject)'}”. ${item.error?.message ?? 'The reason is unknown.'}`,
          threadKey: null,
          action:
            item.state === 'uncertain'
              ? { label: 'Send again', call: 'outbox.sendAgain', args: { id: item.id } }
              : { label: 'Retry', call: 'outbox.retry', args: { id: item.id } },
        });
      }
    },
  });
}
