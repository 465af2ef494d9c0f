import { app, clipboard, nativeTheme, powerMonitor, protocol, session, shell, type BrowserWindow } from 'electron';
import { release } from 'node:os';
import type { FolderStatus } from '../../shared/types';
import type { PromptlyService } from '../service/service';
import { APP_SCHEME, type AppPage } from './appPage';
import { serveAppRequest } from './appProtocol';
import { formatDiagnostics } from './diagnostics';
import { forwardEvents, registerIpc } from './ipc';
import { installQuitHandler, installCloseToTray, runQuitSteps, setOpenAtLogin } from './lifecycle';
import type { RotatingLog } from './log';
import { installAppMenu, type AppMenuHandlers } from './menu';
import { NotificationCenter } from './notifications';
import { appIconFile, closeHidesWindow, darkPanel, hasVisibleTray, launchedAtLogin, offersDevTools } from './platform';
import type { RemoteContentAllowance } from './remoteContent';
import { openThread, rendererLinkOf, sendMenuAction } from './rendererEvents';
import { hardenSession } from './session';
import { loadShellSettings, saveShellSettings, shellSettingsFile, type ShellSettings } from './settings';
import { TrayController } from './tray';
import { createMainWindow, focusWindow } from './window';

/** The service as the shell uses it; `shutdown` is the hook quitting waits for, once it exists. */
export type ShellService = Pick<PromptlyService, 'handlers' | 'events' | 'stopLive' | 'appInfo' | 'checkReminders'> & {
  db: { close(): void };
  shutdown?: () => Promise<void>;
};

/** Everything the desktop shell is built from. */
export interface DesktopDeps {
  service: ShellService;
  dataDir: string;
  resourcesDir: string;
  preloadDir: string;
  page: AppPage;
  log: RotatingLog;
  allowance: RemoteContentAllowance;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
  /** False in development (`npm run dev`): the View menu then offers Developer Tools. */
  isPackaged?: boolean;
  now?: () => number;
}

/** The running shell, for index.ts and tests. */
export interface Desktop {
  window: BrowserWindow;
  tray: TrayController;
  notifications: NotificationCenter;
  settings(): ShellSettings;
  focus(): void;
  copyDiagnostics(): Promise<string>;
}

/** What the parts of the shell below share once the window exists. */
interface ShellParts {
  deps: DesktopDeps;
  platform: NodeJS.Platform;
  now: () => number;
  icon: string | undefined;
  window: BrowserWindow;
  link: ReturnType<typeof rendererLinkOf>;
  focus(): void;
}

/**
 * Builds the desktop app around a service: hardened session and window, IPC from the
 * contract, tray and badge, notifications, menu, close-to-tray and the quit sequence.
 */
export function startDesktop(deps: DesktopDeps): Desktop {
  const platform = deps.platform ?? process.platform;
  const now = deps.now ?? Date.now;
  const trayVisible = hasVisibleTray(platform, deps.env ?? process.env);
  const icon = appIconFile(platform, deps.resourcesDir);
  const settingsFile = shellSettingsFile(deps.dataDir);
  let settings = loadShellSettings(settingsFile);
  const updateSettings = (change: Partial<ShellSettings>): void => {
    settings = { ...settings, ...change };
    saveShellSettings(settingsFile, settings);
  };

  // The built renderer, with the CSP header, at app://promptly/ (see appPage.ts).
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, deps.page.rendererDir));
  hardenSession(session.defaultSession, deps.page, deps.allowance);
  registerIpc(deps.service, deps.page, (call, url) => deps.log.warn(`Refused ${call} from ${url}`));
  const hidesOnClose = (): boolean => closeHidesWindow(platform, settings.minimizeToTray, trayVisible);
  const atLogin = launchedAtLogin(
    platform,
    deps.argv ?? process.argv,
    () => app.getLoginItemSettings().wasOpenedAtLogin,
  );
  const window = createMainWindow({
    preloadDir: deps.preloadDir,
    page: deps.page,
    icon,
    // Started at login: stay out of the way, but only where the window can be brought back.
    showOnReady: !(atLogin && hidesOnClose()),
  });
  forwardEvents(deps.service, window.webContents);
  const link = rendererLinkOf(() => (window.isDestroyed() ? null : window.webContents));
  const focus = (): void => focusWindow(window);
  const parts: ShellParts = { deps, platform, now, icon, window, link, focus };

  const notifications = startNotifications(parts);
  const tray = startTray(parts, notifications);
  deps.service.events.on('sync.error', (error) => deps.log.error(`Sync: ${error.code}: ${error.message}`));
  const copyDiagnostics = diagnosticsCopier(parts);

  const menuHandlers = (): AppMenuHandlers => ({
    action: (action) => {
      focus();
      sendMenuAction(link, action);
    },
    copyDiagnostics: () => void copyDiagnostics(),
    openLogs: () => void shell.openPath(deps.log.file(0)),
    minimizeToTray: { checked: settings.minimizeToTray, set: (value) => changeSetting({ minimizeToTray: value }) },
    openAtLogin: { checked: settings.openAtLogin, set: (value) => changeSetting({ openAtLogin: value }) },
  });
  const menuOptions = { devTools: offersDevTools(deps.isPackaged ?? app.isPackaged), trayVisible };
  const changeSetting = (change: Partial<ShellSettings>): void => {
    updateSettings(change);
    if (change.openAtLogin !== undefined) setOpenAtLogin(app, change.openAtLogin, platform);
    installAppMenu(platform, menuHandlers(), menuOptions);
  };
  installAppMenu(platform, menuHandlers(), menuOptions);

  installQuit(parts, tray, hidesOnClose);
  deps.log.info(`Started ${deps.service.appInfo().version} on ${platform}`);

  return { window, tray: tray.controller, notifications, settings: () => settings, focus, copyDiagnostics };
}

/** Desktop notifications for what comes due; a refusal by the system shows another way. */
function startNotifications({ deps, platform, now, icon, window, link, focus }: ShellParts): NotificationCenter {
  const notifications = new NotificationCenter(
    {
      focus,
      openThread: (key) => openThread(link, key),
      failed: (error, firstTime) => {
        // macOS refuses notifications from unsigned builds (docs/packaging.md).
        if (firstTime) deps.log.warn(`The system did not show a notification: ${error}`);
        if (platform === 'darwin') app.dock?.bounce('informational');
        else if (!window.isDestroyed()) window.flashFrame(true);
      },
    },
    now,
    icon,
  );
  deps.service.events.on('notify', (request) => notifications.show(request));
  return notifications;
}

/** The tray icon, with the count due and the pause for notifications; `stopTimer` ends the pause's timer. */
function startTray(
  { deps, platform, now, window, link, focus }: ShellParts,
  notifications: NotificationCenter,
): { controller: TrayController; stopTimer(): void } {
  let resumeTimer: NodeJS.Timeout | undefined;
  const tray = new TrayController(
    deps.resourcesDir,
    {
      openThread: (threadKey) => {
        focus();
        openThread(link, threadKey);
      },
      open: focus,
      quit: () => app.quit(),
      pausedUntil: () => notifications.pausedUntil(),
      togglePause: () => {
        clearTimeout(resumeTimer);
        if (notifications.pausedUntil() !== null) notifications.resume();
        else {
          notifications.pause();
          const until = notifications.pausedUntil();
          // Redraw when the pause ends, so the menu offers "Pause" again.
          if (until !== null) resumeTimer = setTimeout(() => tray.render(), until - now() + 1000).unref();
        }
        tray.render();
      },
    },
    () => (window.isDestroyed() ? null : window),
    now,
    platform,
    () => darkPanel(platform, nativeTheme),
  );
  nativeTheme.on('updated', () => tray.render());
  deps.service.events.on('tray.changed', (state) => tray.update(state));
  return {
    controller: tray,
    stopTimer: () => clearTimeout(resumeTimer),
  };
}

/** "Copy diagnostics": versions, the sync state of each folder and recent errors, to the clipboard. */
function diagnosticsCopier({ deps, platform, now }: ShellParts): () => Promise<string> {
  return async () => {
    let folders: FolderStatus[] = [];
    try {
      folders = await deps.service.handlers()['sync.status']({});
    } catch (error) {
      deps.log.error('Reading sync status for diagnostics failed', error);
    }
    const text = formatDiagnostics({
      version: deps.service.appInfo().version,
      runtime: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
      platform,
      arch: process.arch,
      osRelease: release(),
      mode: deps.service.appInfo().mode,
      folders,
      recentErrors: deps.log.recentErrors(),
      now: now(),
    });
    clipboard.writeText(text);
    return text;
  };
}

/** Quitting: the clean sequence, the OS ending the session, and close-to-tray. */
function installQuit(
  { deps, window }: ShellParts,
  tray: { controller: TrayController; stopTimer(): void },
  hidesOnClose: () => boolean,
): void {
  const quit = installQuitHandler(
    app,
    async () => {
      tray.stopTimer();
      await runQuitSteps({
        stopLive: () => deps.service.stopLive(),
        shutdown: deps.service.shutdown ? () => deps.service.shutdown?.() ?? Promise.resolve() : undefined,
        closeDb: () => deps.service.db.close(),
        log: (message, error) => deps.log.error(message, error),
      });
      tray.controller.destroy();
      deps.log.info('Quit cleanly');
    },
    () => {
      // The OS is ending the session: no waiting for the network. The database closes
      // (WAL checkpoint); a send cut off stays in `sending`, recoverable at next start.
      tray.stopTimer();
      void deps.service.stopLive().catch(() => undefined);
      deps.service.db.close();
      tray.controller.destroy();
      deps.log.info('Quit for the end of the session');
    },
  );
  powerMonitor.on('shutdown', () => quit.osEnding());
  // Timers stand still while the computer sleeps: deadlines may have entered Due soon meanwhile.
  powerMonitor.on('resume', () => deps.service.checkReminders());
  window.on('session-end', () => quit.sessionEnded());
  // macOS keeps apps running without windows: closing hides, so the dock icon brings it back.
  installCloseToTray(window, hidesOnClose, () => quit.isQuitting());
}
