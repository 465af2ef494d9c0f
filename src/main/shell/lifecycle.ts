import type { App, BrowserWindow } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What quitting must wind down, in order. */
export interface QuitSteps {
  /** Ends IMAP IDLE and waits for a sync pass in flight. */
  stopLive(): Promise<void>;
  /**
   * Lets an in-flight send finish (or leaves it recoverable in `sending`) and closes the
   * SMTP and IMAP connections. Optional until the service has it.
   */
  shutdown?: () => Promise<void>;
  /** Closes SQLite (checkpoints the WAL). */
  closeDb(): void;
  log(message: string, error?: unknown): void;
}

/** The longest quitting waits for the network before closing the database anyway. */
export const QUIT_TIMEOUT_MS = 10_000;

async function within(ms: number, work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Winds down in order: live sync, then sends and connections, then the database. A step
 * that fails or hangs is logged and skipped, so the database is always closed. A send cut
 * off here stays in `sending`, which start-up treats as "may not have been sent".
 */
export async function runQuitSteps(steps: QuitSteps, timeoutMs = QUIT_TIMEOUT_MS): Promise<void> {
  try {
    await within(timeoutMs, steps.stopLive());
  } catch (error) {
    steps.log('Stopping live sync failed', error);
  }
  try {
    if (steps.shutdown) await within(timeoutMs, steps.shutdown());
  } catch (error) {
    steps.log('Shutting down the service failed', error);
  }
  try {
    steps.closeDb();
  } catch (error) {
    steps.log('Closing the database failed', error);
  }
}

/**
 * Holds the first quit until `windDown` has finished, then quits for real. Returns
 * `isQuitting`, which the close-to-tray handler reads.
 */
export function installQuitHandler(app: App, windDown: () => Promise<void>): () => boolean {
  let state: 'running' | 'winding-down' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'winding-down') return;
    state = 'winding-down';
    void windDown().finally(() => {
      state = 'done';
      app.quit();
    });
  });
  return () => state !== 'running';
}

/**
 * Takes the single-instance lock. The first instance gets `onSecondInstance` when the
 * person launches Promptly again; a second instance gets false and must quit.
 */
export function claimSingleInstance(app: App, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondInstance());
  return true;
}

/**
 * Closing the window hides it in the tray when the person chose that, unless the app is
 * quitting. On macOS closing only hides the window anyway (the app stays in the dock).
 */
export function installCloseToTray(window: BrowserWindow, hideOnClose: () => boolean, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting() || !hideOnClose()) return;
    event.preventDefault();
    window.hide();
  });
}

/** The XDG autostart entry that opens Promptly at login on Linux. */
export function linuxAutostartEntry(exec: string): string {
  const quoted = `"${exec.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Promptly',
    `Exec=${quoted} --hidden`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Opens Promptly at login, or stops doing so. macOS and Windows use the OS login items;
 * Linux, where Electron has none, gets an XDG autostart file (the AppImage path when run
 * from an AppImage, which moves less than the mounted executable).
 */
export function setOpenAtLogin(
  app: Pick<App, 'setLoginItemSettings'>,
  enabled: boolean,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: enabled ? ['--hidden'] : [] });
    return;
  }
  const dir = join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
  const file = join(dir, 'promptly.desktop');
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, linuxAutostartEntry(env.APPIMAGE ?? process.execPath));
}

/** Whether this launch came from the login item (start hidden in the tray). */
export function startedHidden(argv: readonly string[]): boolean {
  return argv.includes('--hidden');
}
