import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentFile } from '../../../shared/types';
import { fetchAttachment, safeFileName } from '../../mail/attachmentFetch';
import { explainConnectionError } from '../../mail/connectionErrors';
import { listAttachments, locateAttachment } from '../../store/repos/attachments';
import { AppError } from '../appError';
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
      const file = await core.fetchAttachment(messageId, part);
      if (!core.deps.files) return { path: file.path, opened: false };
      await core.deps.files.openPath(file.path);
      return { path: file.path, opened: true };
    },
    'attachment.save': async ({ messageId, part }) => {
      const file = await core.fetchAttachment(messageId, part);
      if (!core.deps.files) return { savedTo: null, path: file.path };
      return {
        savedTo: await core.deps.files.saveAs(file.path, safeFileName(file.filename, 'attachment')),
        path: file.path,
      };
    },
  }) satisfies Partial<Handlers>;

/** Downloads an attachment on demand into the cache (see mail/attachmentFetch). */
export async function fetchAttachmentFile(
  core: ServiceCore,
  messageRowId: number,
  part: string,
): Promise<AttachmentFile> {
  const where = locateAttachment(core.db, messageRowId, part);
  if (!where) throw new AppError('not-found', 'That attachment is not in this message any more.');
  const { demo, dataDir, secrets } = core.deps;
  if (demo || !dataDir)
    throw new AppError('not-found', 'Attachments of the demo mailbox are samples and cannot be opened.');
  const account = core.requireAccount();
  const password = await secrets.get(account.secretRef);
  if (password === null)
    throw new AppError('auth', 'The password for this mailbox is missing. Enter it again in Settings.');
  try {
    return await fetchAttachment({
      settings: { ...account.imap, user: account.user, password },
      folder: where.folder,
      uid: where.uid,
      part,
      cacheDir: join(dataDir, 'attachments'),
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
