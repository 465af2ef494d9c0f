import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The data folder holds the team's mail: only its owner may enter it (0700) and read its
 * files (0600), whatever the umask. On Windows the user's profile already restricts it and
 * POSIX modes mean little, so nothing is changed there.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Sticky or writable by everyone: a folder users share, such as /tmp. */
const SHARED_DIR_BITS = 0o1002;

/**
 * Creates `dir` (and parents) if needed and makes it private, also when it existed before,
 * unless it is a folder everyone shares (a database opened in /tmp must not lock the machine
 * out of /tmp; the files Promptly writes there are private anyway).
 */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (platform === 'win32' || (statSync(dir).mode & SHARED_DIR_BITS) !== 0) return;
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `file` empty if missing and makes it private, before anything writes to it.
 * SQLite gives its -wal and -shm files the database file's mode, so they follow.
 */
export function ensurePrivateFile(file: string, platform: NodeJS.Platform = process.platform): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (platform !== 'win32') chmodSync(file, PRIVATE_FILE_MODE);
}
