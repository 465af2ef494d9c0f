/**
 * Renders planned threads into RFC 5322 messages: deterministic Message-IDs, In-Reply-To and
 * References chained to the thread's earlier messages (RFC 5322 §3.6.4), "Re:" subjects,
 * quoted previous messages in the writer's client style, HTML parts and attachments.
 */
import type { MailComposerAttachment } from 'nodemailer/lib/mail-composer/index.js';
import { domainOf } from './cast';
import { makeAttachment } from './attachments';
import { composeDemoMessage } from './mime';
import { CID_PLACEHOLDER } from './newsletters';
import type { PlannedMessage, PlannedThread } from './plan';
import { formatAddress } from '../../shared/address';
import type { DemoRandom } from './random';
import { fillDates, MONTHS, WEEKDAYS } from './topic';

/** A rendered message before folders and flags are decided. */
export interface RenderedMessage {
  planned: PlannedMessage;
  messageId: string;
  raw: Buffer;
}

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function clock(d: Date): string {
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** "Tue, 4 Jun 2024 at 14:03", the way webmail introduces a quote. */
function quoteDate(ms: number): string {
  const d = new Date(ms);
  return `${SHORT_DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${clock(d)}`;
}

/** "Tuesday, 4 June 2024 14:03", Outlook's "Sent:" line. */
function outlookDate(ms: number): string {
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock(d)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

interface Quote {
  text: string;
  html: string;
}

function quoteOf(previous: { planned: PlannedMessage; own: string; subject: string }, outlook: boolean): Quote {
  const p = previous.planned;
  if (outlook) {
    const to = p.to.map(formatAddress).join('; ');
    const head = `From: ${formatAddress(p.from)}\nSent: ${outlookDate(p.at)}\nTo: ${to}\nSubject: ${previous.subject}`;
    return {
      text: `\n\n________________________________\n${head}\n\n${previous.own}`,
      html: `<hr>\n<div><b>From:</b> ${escapeHtml(formatAddress(p.from))}<br>\n<b>Sent:</b> ${escapeHtml(outlookDate(p.at))}<br>\n<b>To:</b> ${escapeHtml(to)}<br>\n<b>Subject:</b> ${escapeHtml(previous.subject)}</div>\n${textToHtml(previous.own)}`,
    };
  }
  const intro = `On ${quoteDate(p.at)}, ${formatAddress(p.from)} wrote:`;
  const quoted = previous.own
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  return {
    text: `\n\n${intro}\n${quoted}`,
    html: `<div class="gmail_quote">${escapeHtml(intro)}<br>\n<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${textToHtml(previous.own)}</blockquote></div>`,
  };
}

/** The subject of the thread's first message, with its date slots filled from that message's date. */
function rootSubject(thread: PlannedThread): string {
  return fillDates(thread.subject, thread.messages[0]?.at ?? 0);
}

function subjectFor(root: string, message: PlannedMessage, index: number): string {
  if (index === 0) return root;
  if (message.subjectPrefix) return `${message.subjectPrefix}Re: ${root}`;
  return `${message.outlook ? 'RE' : 'Re'}: ${root}`;
}

/** Renders one thread; `nextSeq` numbers the Message-IDs across the whole mailbox. */
export function renderThread(random: DemoRandom, thread: PlannedThread, nextSeq: () => number): RenderedMessage[] {
  const out: RenderedMessage[] = [];
  const ids: string[] = [];
  let previous: { planned: PlannedMessage; own: string; subject: string } | undefined;
  const root = rootSubject(thread);
  thread.messages.forEach((message, index) => {
    const seq = nextSeq();
    const domain = domainOf(message.from.address);
    const messageId = `<demo-${seq}.${random.hex(8)}@${domain}>`;
    const subject = subjectFor(root, message, index);
    const own = fillDates(message.body, message.at).replace(/[ \t]+$/, '');
    const quote = message.quote && previous ? quoteOf(previous, message.outlook) : undefined;
    const text = quote ? own + quote.text : own;

    const customerName =
      message.kind === 'team'
        ? (message.to[0]?.name ?? message.to[0]?.address ?? '')
        : (message.from.name ?? message.from.address);
    const ctx = { random, slots: thread.slots, customerName, at: message.at };
    const attachments: MailComposerAttachment[] = [];
    let inlineCid: string | undefined;
    message.files.forEach((kind, i) => {
      const inline = (kind === 'logo' || (kind === 'photo' && message.inlinePhoto)) && i === 0 && message.html;
      const cid = inline ? `${kind}-${seq}@${domain}` : undefined;
      if (cid) inlineCid = cid;
      attachments.push(makeAttachment(kind, ctx, cid));
    });

    let html: string | undefined;
    if (message.htmlBody) {
      html = inlineCid ? message.htmlBody.split(CID_PLACEHOLDER).join(inlineCid) : message.htmlBody;
    } else if (message.html) {
      const image = inlineCid ? `\n<p><img src="cid:${inlineCid}" alt="photo" width="320"></p>` : '';
      const font = message.outlook
        ? 'font-family:Calibri,Arial,sans-serif;font-size:11pt'
        : 'font-family:Arial,sans-serif';
      html = `<html><head><meta charset="utf-8"></head><body><div style="${font}">\n${textToHtml(own)}${image}\n${quote?.html ?? ''}\n</div></body></html>`;
    }

    const raw = composeDemoMessage({
      messageId,
      date: new Date(message.at),
      baseBoundary: `${seq.toString(16).padStart(5, '0')}${random.hex(11)}`,
      from: message.from,
      to: message.to,
      ...(message.cc.length > 0 ? { cc: message.cc } : {}),
      subject,
      ...(ids.length > 0 ? { inReplyTo: ids[ids.length - 1] as string, references: [...ids] } : {}),
      text,
      ...(html !== undefined ? { html } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
      ...(Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
    });
    out.push({ planned: message, messageId, raw });
    ids.push(messageId);
    previous = { planned: message, own, subject };
  });
  return out;
}
