import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MailParser, type AttachmentStream } from 'mailparser';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../privateFiles';
import { cachedAttachmentPath, type FetchedAttachment } from './attachmentFetch';

/**
 * Copies one attachment of a large message out of its original file into the attachment cache,
 * streaming (neither the message nor the attachment is held whole). `part` is the attachment's
 * position, counted as the sync counted it (mailparser's order).
 */
export async function attachmentFromSource(opts: {
  sourcePath: string;
  part: string;
  cacheDir: string;
  messageRowId: number;
  filename: string;
}): Promise<FetchedAttachment> {
  const path = cachedAttachmentPath(opts.cacheDir, opts.messageRowId, opts.part, opts.filename);
  if (existsSync(path)) return { path, filename: opts.filename, contentType: '', size: 0, cached: true };
  ensurePrivateDir(opts.cacheDir);
  ensurePrivateDir(dirname(path));
  const partial = `${path}.part`;
  try {
    const found = await extract(opts.sourcePath, Number(opts.part), partial);
    if (!found) throw new Error('This attachment is no longer in the message.');
    renameSync(partial, path);
    return {
      path,
      filename: found.filename ?? opts.filename,
      contentType: found.contentType,
      size: found.size ?? 0,
      cached: false,
    };
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Streams attachment number `index` of the message in `sourcePath` into `target`; null when it has none such. */
function extract(sourcePath: string, index: number, target: string): Promise<AttachmentStream | null> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({ skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    let seen = 0;
    let found: AttachmentStream | null = null;
    let written: Promise<void> = Promise.resolve();
    parser.on('data', (data: AttachmentStream | { type: 'text' }) => {
      if (data.type !== 'attachment') return;
      const attachment = data as AttachmentStream;
      attachment.content.once('end', () => attachment.release?.());
      if (seen++ === index) {
        found = attachment;
        written = pipeline(attachment.content, createWriteStream(target, { mode: PRIVATE_FILE_MODE }));
      } else attachment.content.resume();
    });
    parser.once('error', reject);
    parser.once('end', () => written.then(() => resolve(found), reject));
    pipeline(createReadStream(sourcePath), parser).catch(reject);
  });
}
