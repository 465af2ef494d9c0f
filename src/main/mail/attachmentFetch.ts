import { existsSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../privateFiles';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { ImapSettings } from './imap/connect';
import { connectImap } from './imap/connect';

/** Where an attachment's content was put, and whether it came from the cache. */
export interface FetchedAttachment {
  path: string;
  filename: string;
  contentType: string;
  size: number;
  cached: boolean;
}

/** A file name safe on every OS: no path separators, control or reserved characters. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return cleaned || fallback;
}

/** Where an attachment is cached: one folder per message, the part number before a safe name. */
export function cachedAttachmentPath(cacheDir: string, messageRowId: number, part: string, filename: string): string {
  return join(cacheDir, String(messageRowId), `${part}-${safeFileName(filename, 'attachment')}`);
}

/**
 * Downloads one attachment on demand (the sync stores only metadata) and caches it under
 * `cacheDir`, so opening it again needs no network. The message is read with BODY.PEEK,
 * so it is never marked as read.
 */
export async function fetchAttachment(opts: {
  settings: ImapSettings;
  folder: string;
  uid: number;
  part: string;
  cacheDir: string;
  messageRowId: number;
  filename: string;
}): Promise<FetchedAttachment> {
  const dir = join(opts.cacheDir, String(opts.messageRowId));
  const path = cachedAttachmentPath(opts.cacheDir, opts.messageRowId, opts.part, opts.filename);
  if (existsSync(path)) return { path, filename: opts.filename, contentType: '', size: 0, cached: true };
  const client = await connectImap(opts.settings);
  let source: Buffer | undefined;
  try {
    const lock = await client.getMailboxLock(opts.folder, { readOnly: true });
    try {
      const msg = await client.fetchOne(String(opts.uid), { source: true }, { uid: true });
      source = msg ? msg.source : undefined;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  if (!source) throw new Error('The server no longer has this message.');
  const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const attachment = mail.attachments[Number(opts.part)];
  if (!attachment) throw new Error('This attachment is no longer in the message.');
  ensurePrivateDir(opts.cacheDir);
  ensurePrivateDir(dir);
  writeFileSync(path, attachment.content, { mode: PRIVATE_FILE_MODE });
  return {
    path,
    filename: attachment.filename ?? opts.filename,
    contentType: attachment.contentType,
    size: attachment.size,
    cached: false,
  };
}
