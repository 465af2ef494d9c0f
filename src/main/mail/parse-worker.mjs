// Parses MIME off the main thread (ARCHITECTURE.md: parsing is the sync's bottleneck).
// Plain JavaScript so it loads the same way under tsx, vitest and the Electron bundle.
import { parentPort } from 'node:worker_threads';
import { simpleParser } from 'mailparser';

const OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true };

parentPort.on('message', async ({ id, raw }) => {
  try {
    const mail = await simpleParser(Buffer.from(raw), OPTIONS);
    parentPort.postMessage({
      id,
      ok: true,
      mail: {
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
      },
    });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
