import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentFile } from '../../../shared/types';
import { fetchAttachment, safeFileName } from '../../mail/attachmentFetch';
import { explainConnectionError } from '../../mail/connectionErrors';
import { attachmentRisk, zipEntryNames } from '../../mail/attachmentRisk';
import { markFromInternet } from '../../mail/originMarker';
import { serverOf } from '../../mail/login';
import { attachmentFromSource } from '../../mail/sourceAttachment';
import { sourceFileOf } from '../../store/repos/sourceFiles';
import { listAttachments, locateAttachment } from '../../store/repos/attachments';
import { AppError } from '../../appError';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** Largest image shown inline; bigger ones are opened instead. */
const INLINE_LIMIT = 5 * 1024 * 1024;

/** Attachments: download on demand, show images inline, open or save with the OS. */
export const attachmentHandlers = (core: ServiceCore) =>
  ({
    'attachment.fetch': async ({ messageId, part }) => core.fetchAttachment(messageId, part),
    'attachment.inline': async ({ messageId, part }) => {
      const file = await core.fetchAttachment(messageId, part);
      const meta = listAttachments(core.db, messageId).find((a) => a.part === part);
      const type = meta?.contentType ?? 'application/octet-stream';
      if (!type.startsWith('image/')) throw new AppError('invalid-arguments', 'Only images can be shown inline.');
      const bytes = await readFile(file.path);
      if (bytes.length > INLINE_LIMIT)
        throw new AppError('invalid-arguments', 'This image is too large to show inline; open it instead.');
      return { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
    },
    'attachment.open': async ({ messageId, part }) => {
      const file = await downloaded(core, messageId, part);
      // Main decides and the shell obeys: a file that could run code is never handed to openPath.
      const risk = await riskOfDownloaded(file.path, file.filename, file.contentType);
      if (risk) throw new AppError('dangerous-attachment', risk);
      if (!core.deps.files) return { path: file.path, opened: false };
      await core.deps.files.openPath(file.path);
      return { path: file.path, opened: true };
    },
    'attachment.reveal': async ({ messageId, part }) => {
      const file = await downloaded(core, messageId, part);
      if (!core.deps.files) return { path: file.path, shown: false };
      core.deps.files.showInFolder(file.path);
      return { path: file.path, shown: true };
    },
    'attachment.save': async ({ messageId, part }) => {
      const file = await downloaded(core, messageId, part);
      if (!core.deps.files) return { savedTo: null, path: file.path };
      return {
        savedTo: await core.deps.files.saveAs(file.path, safeFileName(file.filename, 'attachment')),
        path: file.path,
      };
    },
  }) satisfies Partial<Handlers>;

/** Downloads an attachment into the cache, marked as coming from the internet, with its stored type. */
async function downloaded(core: ServiceCore, messageId: number, part: string): Promise<AttachmentFile> {
  const file = await core.fetchAttachment(messageId, part);
  if (!file.cached) await markFromInternet(file.path, core.deps.now());
  const meta = listAttachments(core.db, messageId).find((a) => a.part === part);
  return {
    ...file,
    filename: file.filename || (meta?.filename ?? ''),
    contentType: meta?.contentType ?? file.contentType,
  };
}

/** Archives bigger than this are not searched for programs inside (the warning still names archives it cannot read). */
const ZIP_SCAN_LIMIT = 64 * 1024 * 1024;

/** The risk of a downloaded file, judged by its name, type, first bytes and, for a ZIP, its entries. */
export async function riskOfDownloaded(path: string, filename: string, contentType: string): Promise<string | null> {
  const size = (await stat(path)).size;
  const bytes = size <= ZIP_SCAN_LIMIT ? await readFile(path) : null;
  const head = bytes ? bytes.subarray(0, 8) : await firstBytes(path, 8);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const archiveEntries = isZip && bytes ? (zipEntryNames(bytes) ?? undefined) : undefined;
  return attachmentRisk({ filename, contentType, head, archiveEntries });
}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Downloads an attachment on demand into the cache (see mail/attachmentFetch). */
export async function fetchAttachmentFile(
  core: ServiceCore,
  messageRowId: number,
  part: string,
): Promise<AttachmentFile> {
  const where = locateAttachment(core.db, messageRowId, part);
  if (!where) throw new AppError('not-found', 'That attachment is not in this message any more.');
  const { demo, dataDir } = core.deps;
  if (demo || !dataDir)
    throw new AppError('not-found', 'Attachments of the demo mailbox are samples and cannot be opened.');
  const cacheDir = join(dataDir, 'attachments');
  // A large message's original is on this computer: its attachments come from there, offline too.
  const source = sourceFileOf(core.db, messageRowId);
  if (source !== null)
    return attachmentFromSource({
      sourcePath: join(dataDir, source),
      part,
      cacheDir,
      messageRowId,
      filename: where.filename,
    });
  const account = core.requireAccount();
  const secret = await core.logins.secretFor(account);
  try {
    return await fetchAttachment({
      settings: { ...serverOf(account, 'imap'), ...secret },
      folder: where.folder,
      uid: where.uid,
      part,
      cacheDir,
      messageRowId,
      filename: where.filename,
    });
  } catch (error) {
    const e = explainConnectionError(
      error,
      { kind: 'IMAP', host: account.imap.host, port: account.imap.port },
      'session',
    );
    throw new AppError(e.code, e.code === 'protocol' ? (error as Error).message : e.message);
  }
}
