import { copyFileSync, writeFileSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { keptSource } from '../../store/repos/messages';
import { sourceFileOf } from '../../store/repos/sourceFiles';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../privateFiles';
import { AppError } from '../../appError';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** How much of an original the thread pane shows; Save as .eml has all of it. */
const SHOWN_BYTES = 512 * 1024;

/** Where a message's original is: in the database (unreadable mail) or in a file (large mail). */
type Original = { raw: Buffer } | { path: string };

function original(core: ServiceCore, messageId: number): Original {
  const file = sourceFileOf(core.db, messageId);
  if (file !== null && core.deps.dataDir) return { path: join(core.deps.dataDir, file) };
  const raw = keptSource(core.db, messageId);
  if (raw === null)
    throw new AppError(
      'not-found',
      'Promptly keeps the original only of large messages and of messages it could not read; this one was read.',
    );
  return { raw };
}

/** The first `count` bytes of a file, and whether it holds more. */
async function head(path: string, count: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const handle = await open(path, 'r');
  try {
    const bytes = Buffer.alloc(count);
    const { bytesRead } = await handle.read(bytes, 0, count, 0);
    return { bytes: bytes.subarray(0, bytesRead), truncated: (await stat(path)).size > count };
  } finally {
    await handle.close();
  }
}

/** The original of a message Promptly could not read, or of a large one: shown as text, or saved as an .eml file. */
export const originalHandlers = (core: ServiceCore) =>
  ({
    'message.original': async ({ messageId }) => {
      const kept = original(core, messageId);
      const shown =
        'raw' in kept
          ? { bytes: kept.raw.subarray(0, SHOWN_BYTES), truncated: kept.raw.length > SHOWN_BYTES }
          : await head(kept.path, SHOWN_BYTES);
      // latin1 maps every byte to one character, so nothing is hidden or merged in the view.
      return { source: shown.bytes.toString('latin1'), truncated: shown.truncated };
    },
    'message.saveEml': async ({ messageId }) => {
      const kept = original(core, messageId);
      if (!core.deps.dataDir) throw new AppError('not-found', 'There is no data folder to save the original from.');
      const dir = join(core.deps.dataDir, 'originals');
      ensurePrivateDir(dir);
      const path = join(dir, `message-${messageId}.eml`);
      // A large original is copied file to file, never read into memory.
      if ('raw' in kept) writeFileSync(path, kept.raw, { mode: PRIVATE_FILE_MODE });
      else copyFileSync(kept.path, path);
      if (!core.deps.files) return { savedTo: null, path };
      return { savedTo: await core.deps.files.saveAs(path, `message-${messageId}.eml`), path };
    },
  }) satisfies Partial<Handlers>;
