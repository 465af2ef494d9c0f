/**
 * The parts of a reply that come from the message it answers: subject prefix, threading
 * headers and the quote. Pure functions of their inputs.
 */
import { DateTime } from 'luxon';
import type { DraftAddress } from '../../shared/outbox';
import { formatAddress } from '../../shared/address';

/** The message a reply answers or a forward passes on, as the composer needs it. */
export interface QuotedMessage {
  messageId: string;
  references: string[];
  subject: string;
  from: DraftAddress;
  to: DraftAddress[];
  cc: DraftAddress[];
  date: number;
  text: string;
}

// Leading reply/forward markers in the languages customers write in ("Re:", "AW:", "Fwd:",
// "Re[2]:", "SV:"); stripped in any number and order so prefixes never pile up.
const PREFIX =
  /^\s*(?:re|fwd?|aw|wg|sv|vs|vb|antw|doorst|tr|rv|res|enc|rif|odp|ynt)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/iu;

/** The subject without any leading "Re:"/"Fwd:" markers. */
export function baseSubject(subject: string): string {
  let s = subject.trim();
  for (let m = PREFIX.exec(s); m; m = PREFIX.exec(s)) s = s.slice(m[0].length);
  return s.trim();
}

/** "Re: base" for replies, "Fwd: base" for forwards; never "Re: Re:". */
export function replySubject(subject: string, kind: 'reply' | 'forward'): string {
  const base = baseSubject(subject);
  return `${kind === 'forward' ? 'Fwd' : 'Re'}: ${base || '(no subject)'}`;
}

/** How many Message-IDs a References header keeps at most (the root plus the latest ones). */
export const MAX_REFERENCES = 20;

/**
 * References for a reply (RFC 5322 §3.6.4): the parent's References (or its In-Reply-To) plus
 * the parent's own id. A long chain keeps its root (the thread key) and the most recent ids.
 */
export function replyReferences(parent: Pick<QuotedMessage, 'messageId' | 'references'>): string[] {
  const chain = [...new Set([...parent.references, parent.messageId])];
  if (chain.length <= MAX_REFERENCES) return chain;
  return [chain[0] as string, ...chain.slice(chain.length - (MAX_REFERENCES - 1))];
}

/** The date line of a quote, in the team's zone: "Tue, 3 Mar 2026 at 10:05". */
export function quoteDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).setLocale('en-GB').toFormat("ccc, d LLL yyyy 'at' HH:mm");
}

/** "On DATE, NAME wrote:" */
export function attribution(parent: Pick<QuotedMessage, 'date' | 'from'>, zone: string): string {
  const who = parent.from.name || parent.from.address || 'someone';
  return `On ${quoteDate(parent.date, zone)}, ${who} wrote:`;
}

/** The parent's text with "> " before each line, under the attribution line. */
export function quoteText(parent: QuotedMessage, zone: string): string {
  const body = parent.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const lines = body.split('\n').map((line) => (line === '' ? '>' : line.startsWith('>') ? `>${line}` : `> ${line}`));
  return `${attribution(parent, zone)}\n${lines.join('\n')}`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text as HTML paragraphs with line breaks. */
export function textToHtml(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return paragraphs
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * The quote as HTML: the attribution, then the parent in a `<blockquote type="cite">`. The
 * parent's text is quoted (escaped), never its HTML, so nothing active travels in a reply.
 */
export function quoteHtml(parent: QuotedMessage, zone: string): string {
  return (
    `<div>${escapeHtml(attribution(parent, zone))}</div>\n` +
    `<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">\n` +
    `${textToHtml(parent.text)}\n</blockquote>`
  );
}

function forwardHeaderLines(parent: QuotedMessage, zone: string): string[] {
  const lines = [
    '---------- Forwarded message ---------',
    `From: ${formatAddress(parent.from)}`,
    `Date: ${quoteDate(parent.date, zone)}`,
    `Subject: ${parent.subject}`,
    `To: ${parent.to.map(formatAddress).join(', ')}`,
  ];
  if (parent.cc.length > 0) lines.push(`Cc: ${parent.cc.map(formatAddress).join(', ')}`);
  return lines;
}

/** The forwarded message as text: a header block, then its body unquoted. */
export function forwardText(parent: QuotedMessage, zone: string): string {
  return `${forwardHeaderLines(parent, zone).join('\n')}\n\n${parent.text.replace(/\r\n?/g, '\n')}`;
}

/** The forwarded message as HTML. */
export function forwardHtml(parent: QuotedMessage, zone: string): string {
  const head = forwardHeaderLines(parent, zone).map(escapeHtml).join('<br>');
  return `<div>${head}</div>\n<div>${textToHtml(parent.text)}</div>`;
}

/** The signature block as text ("-- " separator, RFC 3676 §4.3). */
export function signatureText(signature: string): string {
  const s = signature.replace(/\r\n?/g, '\n').trim();
  return s ? `-- \n${s}` : '';
}

/** The signature block as HTML. */
export function signatureHtml(signature: string): string {
  const s = signature.trim();
  return s ? `<div class="signature">-- <br>${escapeHtml(s).replace(/\r?\n/g, '<br>')}</div>` : '';
}
