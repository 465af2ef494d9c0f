import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { loadMigrations, migrate } from './migrate';
import { ensurePrivateDir, ensurePrivateFile } from '../privateFiles';
import { settleEveryThreadKey } from './threadingKey';
import { resumeIndexMerges } from './repos/searchIndex';

/** The migration after which a conversation's key follows its root (store/threadingKey.ts). */
const KEYS_BY_ROOT = 13;

/** Bytes the WAL file is cut back to when it starts over. */
export const WAL_SIZE_LIMIT = 8 * 1024 * 1024;

/** The engine's SQLite handle. Only `src/main` ever holds one. */
export type Db = Database.Database;

/**
 * Opens (creating if needed) the database at `file` with WAL and foreign keys, and
 * migrates it to the latest schema. Use ':memory:' in unit tests.
 */
export function openDb(file: string, migrationsDir?: string): Db {
  if (file !== ':memory:') {
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // A first sync lets the WAL grow to 64 MB (store/checkpointer.ts); without a limit the file
  // would stay that size on disk once the WAL starts over.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  db.pragma('busy_timeout = 5000');
  // 16 MB page cache: FTS5 merges and the index b-trees thrashed the 2 MB default; 32 MB
  // was no faster for a first sync and took its memory from issue 16's 400 MB.
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = memory');
  const before = db.pragma('user_version', { simple: true }) as number;
  const after = migrate(db, loadMigrations(migrationsDir));
  if (before > 0 && before < KEYS_BY_ROOT && after >= KEYS_BY_ROOT) settleEveryThreadKey(db);
  resumeIndexMerges(db);
  return db;
}
