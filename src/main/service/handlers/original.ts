import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keptSource } from '../../store/repos/messages';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../privateFiles';
import { AppError } from '../../appError';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** How much of an original the thread pane shows; Save as .eml has all of it. */
const SHOWN_BYTES = 512 * 1024;

function source(core: ServiceCore, messageId: number): Buffer {
  const raw = keptSource(core.db, messageId);
  if (raw === null)
    throw new AppError(
      'not-found',
      'Promptly keeps the original only of messages it could not read; this one was read.',
    );
  return raw;
}

/** The original of a message Promptly could not read: shown as text, or saved as an .eml file. */
export const originalHandlers = (core: ServiceCore) =>
  ({
    'message.original': async ({ messageId }) => {
      const raw = source(core, messageId);
      // latin1 maps every byte to one character, so nothing is hidden or merged in the view.
      return { source: raw.subarray(0, SHOWN_BYTES).toString('latin1'), truncated: raw.length > SHOWN_BYTES };
    },
    'message.saveEml': async ({ messageId }) => {
      const raw = source(core, messageId);
      if (!core.deps.dataDir) throw new AppError('not-found', 'There is no data folder to save the original from.');
      const dir = join(core.deps.dataDir, 'originals');
      ensurePrivateDir(dir);
      const path = join(dir, `message-${messageId}.eml`);
      writeFileSync(path, raw, { mode: PRIVATE_FILE_MODE });
      if (!core.deps.files) return { savedTo: null, path };
      return { savedTo: await core.deps.files.saveAs(path, `message-${messageId}.eml`), path };
    },
  }) satisfies Partial<Handlers>;
