import type { PromptlyService } from '../../service/service';
import {
  courtesyVerb,
  outboxCancelVerb,
  outboxRetryVerb,
  outboxSendAgainVerb,
  outboxVerb,
  replyVerb,
  templatesVerb,
  type VerbResult,
} from './reply';

/** The flags the reply and outbox verbs read. */
export interface OutboxFlags {
  text?: string;
  template?: string;
  all?: boolean;
  forward?: boolean;
  to?: string[];
  attach?: string[];
  promise?: string;
  force?: boolean;
}

/**
 * `reply`, `courtesy`, `outbox …` and `templates`. The CLI has no undo toast, so it uses an
 * outbox with no undo window and sends before exiting; a sync afterwards records the
 * waiting state and promise in the team log.
 */
export async function outboxVerbs(
  service: PromptlyService,
  verb: string,
  args: string[],
  flags: OutboxFlags,
): Promise<VerbResult> {
  const outbox = service.outbox({ undoMs: 0 });
  if (!outbox)
    return {
      ok: false,
      value: null,
      text: 'No mailbox to send from: connect one with "account set".',
    };
  await outbox.recover();
  const idOf = (value: string | undefined): number => {
    const id = Number(value);
    if (!Number.isInteger(id) || id < 1)
      throw new Error(`"${value ?? ''}" is not an outbox item number. List them with "outbox".`);
    return id;
  };
  let result: VerbResult;
  if (verb === 'templates') result = templatesVerb(outbox);
  else if (verb === 'outbox') {
    const [action, id] = args;
    if (action === 'retry') result = await outboxRetryVerb(outbox, idOf(id));
    else if (action === 'cancel') result = outboxCancelVerb(outbox, idOf(id));
    else if (action === 'send-again') result = await outboxSendAgainVerb(outbox, idOf(id));
    else if (action === undefined) result = outboxVerb(outbox);
    else return { ok: false, value: null, text: `unknown outbox action "${action}": use retry, cancel or send-again.` };
  } else {
    const key = args[0];
    if (!key) return { ok: false, value: null, text: `${verb} needs a thread ID or key.` };
    const threadId = service.threadByIdOrKey(key).thread.id;
    result =
      verb === 'courtesy'
        ? await courtesyVerb(outbox, threadId, service.deadlines.policy(), flags.promise)
        : await replyVerb(outbox, threadId, flags);
  }
  if (verb === 'reply' || verb === 'courtesy' || verb === 'outbox') await service.syncNow().catch(() => undefined);
  return result;
}
