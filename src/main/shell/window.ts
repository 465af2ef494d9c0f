import { BrowserWindow, shell, type WebContents, type WebPreferences } from 'electron';
import { join } from 'node:path';
import { appPageUrl, type AppPage } from './appPage';
import { externalUrl } from './links';

/**
 * The settings Electron's security checklist asks for. tests/unit/shell/security.test.ts boots
 * the desktop and fails if any window it opens turns one of them the wrong way.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
} as const satisfies WebPreferences;

/** Whether a frame URL is inline content (the message iframe's srcdoc, or a blank frame). */
export function isInlineFrameUrl(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank';
}

/** What the main window needs to know. */
export interface MainWindowOptions {
  /** The folder holding the built preload (`index.cjs`). */
  preloadDir: string;
  page: AppPage;
  icon?: string;
  /** False to start hidden in the tray (launched at login). Default true. */
  showOnReady?: boolean;
}

const hardened = new WeakSet<WebContents>();

/**
 * Refuses everything that would take the app's page somewhere else: navigation, new
 * windows (http(s) and mailto links go to the browser or mail client instead) and
 * `<webview>`. Applies to every frame of the page, message frames included.
 */
export function hardenContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    // A message frame shows srcdoc; it never navigates to a page (its links open via the
    // window-open handler). Not opened externally here: a navigation needs no click.
    if (!event.isMainFrame && !isInlineFrameUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalUrl(url);
    if (target !== null) void shell.openExternal(target);
    return { action: 'deny' };
  });
}

/** The main window, locked down per Electron's security checklist. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Promptly',
    icon: options.icon,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(options.preloadDir, 'index.cjs') },
  });
  hardenContents(window.webContents);
  if (options.showOnReady !== false) window.once('ready-to-show', () => window.show());
  void window.loadURL(appPageUrl(options.page));
  return window;
}

/** Brings the window to the front, restoring it from the tray or the taskbar. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
