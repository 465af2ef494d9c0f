/**
 * The composer model: what a reply, reply-all or forward says and to whom. Pure:
 * the thread, the message answered and the sender come in; a draft or a finished reply
 * (still without MIME, see mime.ts) comes out.
 */
import type { Draft, DraftAddress, KeptAttachment, ReplyKind, SendRequest } from '../../shared/outbox';
import type { ReplySource } from '../store/repos/replySources';
import { cleanHeaderValue, parseAddressList, uniqueAddresses } from './address';
import { AppError } from '../appError';
import {
  forwardHtml,
  forwardText,
  quoteHtml,
  quoteText,
  replyReferences,
  replySubject,
  signatureHtml,
  signatureText,
  textToHtml,
  type QuotedMessage,
} from './quote';

/** Who sends: the shared address under the team's display name, and this teammate's signature. */
export interface Sender {
  /** The shared mailbox address. */
  address: string;
  /** The display name on From, e.g. "Alice at Acme". */
  fromName: string;
  /** Where customers' answers should go, when not the shared address. */
  replyTo: string | null;
  signature: string;
}

/** The conversation being answered. */
export interface ThreadRef {
  id: number;
  key: string;
  subject: string;
}

/** Everything the composer needs besides the person's words. */
export interface ComposeContext {
  thread: ThreadRef;
  /** The message answered or forwarded; null for a thread without stored messages. */
  parent: ReplySource | null;
  kind: ReplyKind;
  sender: Sender;
  /** The team's addresses (the shared one included): reply-all never copies them. */
  team: readonly string[];
  /** The team's time zone, for the quote's date line. */
  timeZone: string;
}

/** A reply ready to be turned into MIME. Every header value is already clean. */
export interface ComposedReply {
  from: DraftAddress;
  replyTo: string | null;
  to: DraftAddress[];
  cc: DraftAddress[];
  bcc: DraftAddress[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  date: number;
  /** Files to attach (paths on this machine), new ones and those kept from a forward. */
  attachments: Array<{ path: string; filename?: string }>;
}

function quoted(parent: ReplySource): QuotedMessage {
  return {
    messageId: parent.messageId,
    references: parent.references.length > 0 ? parent.references : parent.inReplyTo ? [parent.inReplyTo] : [],
    subject: parent.subject,
    from: parent.from,
    to: parent.to,
    cc: parent.cc,
    date: parent.date,
    text: parent.text,
  };
}

function isTeam(address: string, ctx: Pick<ComposeContext, 'team' | 'sender'>): boolean {
  const a = address.toLowerCase();
  return a === ctx.sender.address.toLowerCase() || ctx.team.some((t) => t.toLowerCase() === a);
}

/**
 * Default recipients. A reply goes to the parent's Reply-To or From; answering the team's own
 * message goes to its recipients instead. Reply-all copies everyone else on the parent except
 * the shared address and the team.
 */
export function defaultRecipients(ctx: ComposeContext): { to: DraftAddress[]; cc: DraftAddress[] } {
  const parent = ctx.parent;
  if (!parent || ctx.kind === 'forward') return { to: [], cc: [] };
  const ownMessage = parent.fromTeam || isTeam(parent.from.address, ctx);
  let to: DraftAddress[] = ownMessage ? parent.to : [parent.from];
  if (!ownMessage && parent.replyTo) {
    const parsed = safeParse(parent.replyTo);
    if (parsed.length > 0) to = parsed;
  }
  const team = [ctx.sender.address, ...ctx.team];
  to = uniqueAddresses(to.filter((p) => !isTeam(p.address, ctx)));
  if (ctx.kind !== 'reply-all') return { to, cc: [] };
  const others = [...parent.to, ...parent.cc];
  const cc = uniqueAddresses(others, [...team, ...to.map((p) => p.address)]);
  return { to, cc };
}

function safeParse(text: string): DraftAddress[] {
  try {
    return parseAddressList([text], 'replyTo');
  } catch {
    return [];
  }
}

/** The subject a reply or forward starts with. */
export function defaultSubject(ctx: ComposeContext): string {
  const subject = ctx.parent?.subject ?? ctx.thread.subject;
  return replySubject(subject, ctx.kind === 'forward' ? 'forward' : 'reply');
}

/** The quote under the editor: "On …, X wrote:" and "> " lines, or a forwarded-message block. */
export function quoteOf(ctx: ComposeContext): { text: string; html: string } {
  if (!ctx.parent) return { text: '', html: '' };
  const q = quoted(ctx.parent);
  return ctx.kind === 'forward'
    ? { text: forwardText(q, ctx.timeZone), html: forwardHtml(q, ctx.timeZone) }
    : { text: quoteText(q, ctx.timeZone), html: quoteHtml(q, ctx.timeZone) };
}

/** What the composer opens with. */
export function draftFor(
  ctx: ComposeContext,
  kept: KeptAttachment[],
  openedAt: number,
): Omit<Draft, 'defaultPromiseAt'> {
  const { to, cc } = defaultRecipients(ctx);
  return {
    threadId: ctx.thread.id,
    threadKey: ctx.thread.key,
    kind: ctx.kind,
    parentId: ctx.parent?.id ?? null,
    to,
    cc,
    subject: defaultSubject(ctx),
    quote: quoteOf(ctx),
    signature: ctx.sender.signature,
    keptAttachments: ctx.kind === 'forward' ? kept : [],
    openedAt,
  };
}

/** The person's words, signature and quote, as text and HTML. */
function assembleBody(
  words: string,
  wordsHtml: string | undefined,
  ctx: ComposeContext,
): { text: string; html: string } {
  const quote = quoteOf(ctx);
  const text = [words.replace(/\r\n?/g, '\n').trimEnd(), signatureText(ctx.sender.signature), quote.text]
    .filter((part) => part !== '')
    .join('\n\n');
  const html = [wordsHtml ?? textToHtml(words), signatureHtml(ctx.sender.signature), quote.html]
    .filter((part) => part !== '')
    .join('\n<br>\n');
  return { text: `${text}\n`, html: `<!doctype html>\n<html><body>\n${html}\n</body></html>\n` };
}

/** Recipients of a request, parsed and checked; empty lists fall back to the draft's. */
export function requestRecipients(
  request: Pick<SendRequest, 'to' | 'cc' | 'bcc'>,
  ctx: ComposeContext,
): { to: DraftAddress[]; cc: DraftAddress[]; bcc: DraftAddress[] } {
  let to = parseAddressList(request.to, 'to');
  let cc = parseAddressList(request.cc, 'cc');
  const bcc = parseAddressList(request.bcc, 'bcc');
  // Blind copies alone do not answer anybody: without To and Cc the draft's recipients apply.
  if (to.length + cc.length === 0) ({ to, cc } = defaultRecipients(ctx));
  to = uniqueAddresses(to);
  cc = uniqueAddresses(
    cc,
    to.map((p) => p.address),
  );
  const bccOnly = uniqueAddresses(
    bcc,
    [...to, ...cc].map((p) => p.address),
  );
  if (to.length + cc.length + bccOnly.length === 0) {
    const message = 'Add at least one recipient.';
    throw new AppError('no-recipients', message, { to: message });
  }
  return { to, cc, bcc: bccOnly };
}

/**
 * The reply to send: checked recipients, clean subject, body with signature and quote, and
 * threading headers (In-Reply-To = parent, References = parent's chain + parent, trimmed).
 * `words` is the person's text with template variables already filled in.
 */
export function composeReply(
  request: SendRequest,
  words: string,
  ctx: ComposeContext,
  fixed: { messageId: string; date: number; attachments: ComposedReply['attachments'] },
): ComposedReply {
  const recipients = requestRecipients(request, ctx);
  if (words.trim() === '' && ctx.kind !== 'forward') {
    const message = 'Write something before sending: the reply is empty.';
    throw new AppError('empty-body', message, { text: message });
  }
  const subject = cleanHeaderValue(request.subject ?? defaultSubject(ctx)) || defaultSubject(ctx);
  const body = assembleBody(words, request.html, ctx);
  // A forward keeps References (it stays in this thread in Promptly) but answers nobody.
  const parent = ctx.parent ? quoted(ctx.parent) : null;
  return {
    from: { name: cleanHeaderValue(ctx.sender.fromName), address: ctx.sender.address },
    replyTo: ctx.sender.replyTo ? cleanHeaderValue(ctx.sender.replyTo) : null,
    ...recipients,
    subject,
    text: body.text,
    html: body.html,
    messageId: fixed.messageId,
    inReplyTo: parent && ctx.kind !== 'forward' ? parent.messageId : null,
    references: parent ? replyReferences(parent) : [],
    date: fixed.date,
    attachments: fixed.attachments,
  };
}
