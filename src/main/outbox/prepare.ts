/**
 * Turns a send request into a stored-ready outbox record: checks it, fills in the template,
 * builds the raw MIME and fixes the Message-ID, all before any network I/O.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import type { Policy } from '../../shared/policy';
import type { SendRequest, Template } from '../../shared/outbox';
import { getThread } from '../store/repos/threads';
import { listAttachments } from '../store/repos/attachments';
import { defaultParent, replySource, type ReplySource } from '../store/repos/replySources';
import type { NewOutboxRecord } from '../store/repos/outbox';
import { composeReply, type ComposeContext, type Sender } from './composer';
import { buildMessage } from './mime';
import { AppError } from '../appError';
import { baseSubject } from './quote';
import { courtesyTemplate, defaultPromiseAt, findTemplate, renderTemplate } from './templates';

/** What preparing a reply needs from the engine. */
export interface PrepareDeps {
  db: Db;
  accountId: number;
  sender: Sender;
  /** The teammate's own name ({{owner.name}} when the thread has no owner). */
  senderName: string;
  team: readonly string[];
  policy: Policy;
  templates: readonly Template[];
  ownerName: (threadKey: string) => string | null;
  /** A forwarded message's attachment as a local file (downloaded or cached). */
  attachmentFile?: (messageRowId: number, part: string) => Promise<{ path: string; filename: string }>;
}

/** The composer context for a thread, answering `parentId` or the latest customer message. */
export function composeContext(
  deps: Pick<PrepareDeps, 'db' | 'sender' | 'team' | 'policy'>,
  request: Pick<SendRequest, 'threadId' | 'kind' | 'parentId'>,
): ComposeContext {
  const thread = getThread(deps.db, request.threadId);
  if (!thread) throw new AppError('not-found', 'That conversation no longer exists. It may have been merged.');
  let parent: ReplySource | null;
  if (request.parentId !== undefined) {
    parent = replySource(deps.db, request.parentId);
    if (!parent || parent.threadId !== thread.id)
      throw new AppError('not-found', 'The message to answer is not in this conversation any more.');
  } else {
    parent = defaultParent(deps.db, thread.id, [deps.sender.address, ...deps.team]);
  }
  return {
    thread: { id: thread.id, key: thread.key, subject: thread.subject },
    parent,
    kind: request.kind,
    sender: deps.sender,
    team: deps.team,
    timeZone: deps.policy.timeZone,
  };
}

/** The words to send before variables are filled in: typed text, a template, or the courtesy reply. */
function wordsOf(request: SendRequest, templates: readonly Template[]): string {
  if (request.text.trim() !== '') return request.text;
  if (request.templateId !== undefined) {
    const template = findTemplate(templates, request.templateId);
    if (!template) throw new AppError('template-not-found', `There is no saved reply "${request.templateId}".`);
    return template.body;
  }
  return request.courtesy ? courtesyTemplate(templates).body : request.text;
}

function customerOf(ctx: ComposeContext): { name: string; address: string } {
  const parent = ctx.parent;
  if (!parent) return { name: '', address: '' };
  if (!parent.fromTeam) return parent.from;
  return parent.to[0] ?? parent.from;
}

async function keptFiles(
  deps: PrepareDeps,
  request: SendRequest,
  ctx: ComposeContext,
): Promise<Array<{ path: string; filename: string }>> {
  if (ctx.kind !== 'forward' || !ctx.parent) return [];
  const wanted =
    request.keptAttachments ??
    listAttachments(deps.db, ctx.parent.id)
      .filter((a) => !a.inline)
      .map((a) => ({ messageRowId: ctx.parent?.id ?? 0, part: a.part }));
  if (wanted.length === 0) return [];
  const fetch = deps.attachmentFile;
  if (!fetch) throw new AppError('attachment-unreadable', 'The forwarded attachments are not available offline.');
  const files = [];
  for (const a of wanted) {
    try {
      files.push(await fetch(a.messageRowId, a.part));
    } catch (error) {
      throw new AppError(
        'attachment-unreadable',
        `An attachment of the forwarded message could not be downloaded (${(error as Error).message}). Connect and try again, or forward without it.`,
      );
    }
  }
  return files;
}

/** The domain of the shared address, for Message-IDs (RFC 5322 §3.6.4: globally unique). */
function messageIdFor(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1) || 'promptly.invalid';
  return `${randomUUID()}@${domain}`;
}

/**
 * Builds the outbox record of a request at `now`: the Message-ID and the raw MIME are fixed
 * here. Throws an AppError for anything a person must fix (address, empty body, unknown
 * template variable, unreadable attachment).
 */
export async function prepareReply(
  request: SendRequest,
  deps: PrepareDeps,
  now: number,
  undoMs: number,
): Promise<NewOutboxRecord> {
  const ctx = composeContext(deps, request);
  const promiseAt = request.promiseAt ?? defaultPromiseAt(now, deps.policy);
  const rendered = renderTemplate(wordsOf(request, deps.templates), {
    customer: customerOf(ctx),
    ownerName: deps.ownerName(ctx.thread.key) ?? deps.senderName,
    threadSubject: baseSubject(ctx.parent?.subject ?? ctx.thread.subject),
    promiseAt,
    timeZone: deps.policy.timeZone,
  });
  const subjectCheck = request.subject !== undefined ? renderTemplateSubject(request.subject) : undefined;
  const makesPromise = request.courtesy || rendered.used.has('promise.date') || request.promiseAt !== undefined;
  const undoUntil = now + undoMs;
  const sendAt = Math.max(undoUntil, request.sendAt ?? 0);
  const attachments = [...request.attachments.map((path) => ({ path })), ...(await keptFiles(deps, request, ctx))];
  const reply = composeReply({ ...request, subject: subjectCheck }, rendered.text, ctx, {
    messageId: messageIdFor(deps.sender.address),
    date: request.sendAt !== undefined && request.sendAt > now ? request.sendAt : now,
    attachments,
  });
  const built = await buildMessage(reply);
  return {
    accountId: deps.accountId,
    threadId: ctx.thread.id,
    threadKey: ctx.thread.key,
    kind: request.kind,
    state: 'queued',
    messageId: reply.messageId,
    parentMessageId: ctx.kind === 'forward' ? null : (ctx.parent?.messageId ?? null),
    subject: reply.subject,
    envelopeFrom: built.envelope.from,
    envelopeTo: built.envelope.to,
    to: reply.to.map((p) => p.address),
    raw: built.raw,
    size: built.raw.length,
    requestJson: JSON.stringify(request),
    courtesy: request.courtesy,
    promiseAt: makesPromise ? promiseAt : null,
    openedAt: request.openedAt ?? now,
    force: request.force,
    createdAt: now,
    undoUntil,
    sendAt,
    attempts: 0,
    retryAt: null,
    errorCode: null,
    error: null,
    acceptedAt: null,
    filedAt: null,
    notifiedAt: null,
    updatedAt: now,
  };
}

/** A subject may not carry template variables either: refuse literal braces there too. */
function renderTemplateSubject(subject: string): string {
  if (/\{\{[^{}]*\}\}/.test(subject)) {
    const message = 'The subject contains {{…}}. Template variables work only in the text.';
    throw new AppError('template-variable', message, { subject: message });
  }
  return subject;
}
