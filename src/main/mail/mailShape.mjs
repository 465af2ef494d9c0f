// The one place that turns raw mail into the plain data Promptly keeps (see mailShape.d.mts).
// Plain JavaScript, so both the parse worker (loaded by URL) and the TypeScript engine use it.
import { simpleParser } from 'mailparser';
import { labelUndeclaredCharsets, lostBytes } from './undeclaredCharset.mjs';

const OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true };

/** Parses raw RFC 5322 bytes into a MailShape; throws when mailparser cannot read them. */
export async function parseToShape(raw) {
  let mail = await simpleParser(raw, OPTIONS);
  // Rare: undeclared 8-bit text that is not UTF-8 came out as U+FFFD; read it as windows-1252.
  if (lostBytes(raw, [mail.text ?? '', typeof mail.html === 'string' ? mail.html : ''])) {
    const relabelled = labelUndeclaredCharsets(raw);
    if (relabelled) mail = await simpleParser(relabelled, OPTIONS);
  }
  return {
    messageId: mail.messageId ?? '',
    references: Array.isArray(mail.references) ? mail.references.join(' ') : (mail.references ?? ''),
    inReplyTo: mail.inReplyTo ?? '',
    subject: mail.subject ?? '',
    from: mail.from ? [mail.from].flat() : [],
    to: mail.to ? [mail.to].flat() : [],
    cc: mail.cc ? [mail.cc].flat() : [],
    date: mail.date ? mail.date.getTime() : null,
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      size: a.size,
      cid: a.cid ?? null,
      contentDisposition: a.contentDisposition ?? null,
    })),
  };
}
