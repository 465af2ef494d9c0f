/**
 * CLI verbs for replies and the outbox: `reply`, `courtesy`, `outbox`,
 * `outbox retry ID`, `outbox cancel ID`, `templates`. Each returns what to print; the CLI has
 * no undo toast, so its Outbox runs with no undo window and a reply is sent before it exits.
 */
import type { Policy } from '../../../shared/policy';
import type { QueuedReply, QueueResult, Template } from '../../../shared/outbox';
import type { Outbox } from '../../outbox/outbox';
import { promiseForDate } from '../../outbox/templates';
import { AppError } from '../../appError';

/** What a verb prints: `value` for --json, `text` otherwise; `ok` false exits 1. */
export interface VerbResult {
  ok: boolean;
  value: unknown;
  text: string;
}

/** Flags of `reply KEY`. */
export interface ReplyFlags {
  text?: string;
  template?: string;
  all?: boolean;
  forward?: boolean;
  to?: string[];
  attach?: string[];
  /** Send despite a teammate's reply since now (the CLI has no composer open time). */
  force?: boolean;
}

/** One outbox row as a line: "12  filed      Re: Order 1234 → ann@x.example". */
export function formatQueuedReply(item: QueuedReply): string {
  const to = item.to.join(', ') || '(no recipients)';
  const line = `${String(item.id).padStart(4)}  ${item.state.padEnd(9)}  ${item.subject} → ${to}`;
  return item.error ? `${line}\n      ${item.error.code}: ${item.error.message}` : line;
}

function queued(result: QueueResult, outbox: Outbox): Promise<VerbResult> | VerbResult {
  if (!result.ok) return { ok: false, value: result, text: `Not sent: ${result.collision.message} (use --force)` };
  return sendNow(outbox, result.item.id);
}

/** Runs the outbox once and reports where the reply ended up. */
async function sendNow(outbox: Outbox, id: number): Promise<VerbResult> {
  await outbox.runDue();
  const item = outbox.get(id);
  const ok = item.state === 'accepted' || item.state === 'filed' || item.state === 'queued';
  return { ok, value: item, text: formatQueuedReply(item) };
}

/** `reply KEY --text T | --template ID [--all] [--attach FILE]...`: queues and sends a reply. */
export async function replyVerb(outbox: Outbox, threadId: number, flags: ReplyFlags): Promise<VerbResult> {
  if (flags.text === undefined && flags.template === undefined) {
    throw new AppError('empty-body', 'Say what to send: --text "..." or --template NAME.');
  }
  const kind = flags.forward ? 'forward' : flags.all ? 'reply-all' : 'reply';
  const result = await outbox.queue({
    threadId,
    kind,
    text: flags.text ?? '',
    templateId: flags.template,
    to: flags.to ?? [],
    attachments: flags.attach ?? [],
    force: flags.force ?? false,
  });
  return queued(result, outbox);
}

/** `courtesy KEY [--promise YYYY-MM-DD]`: the courtesy reply, promising that day (default: next business day). */
export async function courtesyVerb(
  outbox: Outbox,
  threadId: number,
  policy: Policy,
  promise?: string,
  force = false,
): Promise<VerbResult> {
  const promiseAt = promise === undefined ? undefined : promiseForDate(promise, policy);
  return queued(await outbox.courtesy(threadId, { promiseAt, force }), outbox);
}

/** `outbox`: every reply with its state, newest first. */
export function outboxVerb(outbox: Outbox): VerbResult {
  const items = outbox.list();
  return {
    ok: true,
    value: items,
    text: items.length ? items.map(formatQueuedReply).join('\n') : 'The outbox is empty.',
  };
}

/** `outbox retry ID`: sends a failed reply again now. */
export async function outboxRetryVerb(outbox: Outbox, id: number): Promise<VerbResult> {
  outbox.retry(id);
  return sendNow(outbox, id);
}

/** `outbox send-again ID`: the answer to "may not have been sent: send again?". */
export async function outboxSendAgainVerb(outbox: Outbox, id: number): Promise<VerbResult> {
  outbox.sendAgain(id);
  return sendNow(outbox, id);
}

/** `outbox cancel ID`: gives up a reply that has not left. */
export function outboxCancelVerb(outbox: Outbox, id: number): VerbResult {
  const item = outbox.cancel(id);
  return { ok: true, value: item, text: formatQueuedReply(item) };
}

/** `templates`: the team's saved replies. */
export function templatesVerb(outbox: Outbox): VerbResult {
  const list: Template[] = outbox.templates();
  const text = list
    .map((t) => `${t.id}  ${t.name}${t.builtIn ? ' (built in)' : ''}\n      ${t.body.replace(/\n/g, ' ')}`)
    .join('\n');
  return { ok: true, value: list, text };
}
