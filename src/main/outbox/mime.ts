import { access, constants, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ComposedReply } from './composer';
import { AppError } from '../appError';

/** The raw RFC 5322 message and its SMTP envelope, as stored in the outbox. */
export interface BuiltMessage {
  raw: Buffer;
  envelope: { from: string; to: string[] };
}

const bracket = (id: string): string => `<${id}>`;

/** Checks every attachment is a readable file before building, to name the one that is not. */
export async function checkAttachments(paths: ReadonlyArray<{ path: string; filename?: string }>): Promise<void> {
  for (const file of paths) {
    const name = file.filename ?? basename(file.path);
    try {
      await access(file.path, constants.R_OK);
      if (!(await stat(file.path)).isFile()) throw new Error('not a file');
    } catch {
      const message = `The attachment "${name}" cannot be read. Check that the file still exists.`;
      throw new AppError('attachment-unreadable', message, { attachments: message });
    }
  }
}

/**
 * Builds the raw MIME with nodemailer's MailComposer: multipart/alternative text + HTML,
 * attachments, From/Reply-To/To/Cc, In-Reply-To and References. Bcc goes only into the
 * envelope (MailComposer leaves it out of the headers). Attachment files are read now, so the
 * stored message no longer depends on them.
 */
export async function buildMessage(reply: ComposedReply): Promise<BuiltMessage> {
  await checkAttachments(reply.attachments);
  const composer = new MailComposer({
    from: reply.from,
    ...(reply.replyTo ? { replyTo: reply.replyTo } : {}),
    to: reply.to,
    cc: reply.cc,
    bcc: reply.bcc,
    subject: reply.subject,
    text: reply.text,
    html: reply.html,
    messageId: bracket(reply.messageId),
    date: new Date(reply.date),
    ...(reply.inReplyTo ? { inReplyTo: bracket(reply.inReplyTo) } : {}),
    ...(reply.references.length > 0 ? { references: reply.references.map(bracket) } : {}),
    attachments: reply.attachments.map((a) => ({ path: a.path, filename: a.filename ?? basename(a.path) })),
    disableUrlAccess: true,
  });
  const node = composer.compile();
  const raw = await node.build();
  const to = [...reply.to, ...reply.cc, ...reply.bcc].map((p) => p.address);
  return { raw, envelope: { from: reply.from.address, to: [...new Set(to)] } };
}
