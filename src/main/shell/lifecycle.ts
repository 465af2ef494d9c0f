import type { App, BrowserWindow } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loginItemSettings } from './platform';

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

/** What the quit handler hands back to the shell. */
export interface QuitControl {
  /** True once quitting has begun (the close-to-tray handler lets the window close). */
  isQuitting(): boolean;
  /**
   * The OS is about to shut down or log out (powerMonitor `shutdown` on macOS and Linux):
   * the next quit must not be held, or the OS reads it as the app refusing to quit.
   */
  osEnding(): void;
  /** The session has ended (Windows `session-end`): the process may be killed at once. */
  sessionEnded(): void;
}

/**
 * Holds the person's first quit until `windDown` has finished, then quits for real. When
 * the OS is ending the session, never holds it: `windDownNow` runs synchronously instead
 * (close the database; a send cut off stays recoverable in `sending`).
 */
export function installQuitHandler(app: App, windDown: () => Promise<void>, windDownNow: () => void): QuitControl {
  let state: 'running' | 'winding-down' | 'done' = 'running';
  let ending = false;
  const finishNow = (): void => {
    if (state === 'done') return;
    state = 'done';
    windDownNow();
  };
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    if (ending) return finishNow();
    event.preventDefault();
    if (state === 'winding-down') return;
    state = 'winding-down';
    void windDown().finally(() => {
      state = 'done';
      app.quit();
    });
  });
  return {
    isQuitting: () => state !== 'running',
    osEnding: () => {
      ending = true;
    },
    sessionEnded: () => {
      ending = true;
      finishNow();
    },
  };
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
 * Opens Promptly at login, or stops doing so. macOS and Windows use the OS login items
 * (options per OS in `loginItemSettings`);
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
    app.setLoginItemSettings(loginItemSettings(platform, enabled));
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
