import { app, dialog, protocol, shell } from 'electron';
import { join } from 'node:path';
import { openAppService } from './service/startup';
import { VERSION } from './version';
import { desktopSecretStore } from './shell/desktopSecrets';
import { desktopFiles } from './shell/files';
import { appPageOf } from './shell/appPage';
import { startDesktop, type Desktop } from './shell/desktop';
import { claimSingleInstance } from './shell/lifecycle';
import { RotatingLog } from './shell/log';
import { externalUrl } from './shell/links';
import { hardenContents, focusWindow } from './shell/window';
import { prepareApp } from './shell/startup';

// Electron entry: the only file outside src/main/shell that may import 'electron'.

// Before anything else: the Windows AppUserModelID, the Linux keychain, the app:// scheme.
prepareApp(app, protocol);

let desktop: Desktop | null = null;

/** resources/ beside the app in development, or unpacked next to app.asar when packaged. */
function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const log = new RotatingLog(join(dataDir, 'logs'));
  process.on('uncaughtException', (error) => log.error('Uncaught exception', error));
  process.on('unhandledRejection', (error) => log.error('Unhandled rejection', error));
  // No mailbox yet: the window shows the welcome screen (connect, or explore the demo).
  const service = openAppService({
    secrets: desktopSecretStore(dataDir),
    now: Date.now,
    version: VERSION,
    dataDir,
    files: desktopFiles,
    // OAuth sign-in pages open in the system browser (RFC 8252), through the same scheme check as links.
    openUrl: async (url) => {
      const safe = externalUrl(url);
      if (safe) await shell.openExternal(safe);
    },
  });
  desktop = startDesktop({
    service,
    dataDir,
    resourcesDir: resourcesDir(),
    preloadDir: join(import.meta.dirname, '../preload'),
    isPackaged: app.isPackaged,
    page: appPageOf(join(import.meta.dirname, '../renderer'), process.env.ELECTRON_RENDERER_URL),
    log,
    // The person's "load images" choices, per message or sender, kept by the service.
    allowance: { allowsRemoteContent: (id) => service.allowsRemoteContent(id) },
  });
  service.startApp();
}

if (!claimSingleInstance(app, () => desktop && focusWindow(desktop.window))) {
  app.quit();
} else {
  // Every page the app ever creates gets the same navigation and window-open rules.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Promptly could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nThe log files are in ${join(app.getPath('userData'), 'logs')}.`,
      );
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // macOS: clicking the dock icon brings back the hidden window.
  app.on('activate', () => {
    if (desktop) focusWindow(desktop.window);
  });
}
