import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name used for the data folder, matching Electron's `userData` path. */
export const APP_DIR_NAME = 'Promptly';

/** Where Promptly keeps its data on this OS (the same folder Electron's `userData` uses). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.PROMPTLY_DATA_DIR) return env.PROMPTLY_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** The database file inside a data directory. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'promptly.sqlite');
}

/** The desktop app's secrets, each sealed with the OS keychain (Electron safeStorage). */
export function keychainSecretsFile(dataDir: string): string {
  return join(dataDir, 'secrets.json');
}

/**
 * The CLI's private secrets file (mode 0600, no keychain). The desktop app reads it too
 * when its keychain holds no password for an account, so a mailbox set up with the CLI
 * opens in the app.
 */
export function cliSecretsFile(dataDir: string): string {
  return join(dataDir, 'cli-secrets.json');
}

/** The folder inside the data folder holding the originals of large messages (see mail/imap/largeMessage). */
export const SOURCES_DIR = 'sources';
