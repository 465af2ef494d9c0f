import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFile, SOURCES_DIR } from '../paths';

/**
 * Deletes this computer's copy of a mailbox: the database (with its WAL files), the
 * attachment cache and the originals of large messages. The mail server keeps everything; connecting again syncs it back.
 */
export function removeLocalMailbox(dataDir: string): void {
  const file = databaseFile(dataDir);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  rmSync(join(dataDir, 'attachments'), { recursive: true, force: true });
  rmSync(join(dataDir, SOURCES_DIR), { recursive: true, force: true });
}
