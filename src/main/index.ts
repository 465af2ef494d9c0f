import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { openDb } from './store/db';
import { databaseFile } from './paths';
import { getAccount } from './store/repos/accounts';
import { PromptlyService } from './service/service';
import { openDemoDatabase } from './demo/load';
import { VERSION } from './version';
import { registerIpc, forwardEvents } from './shell/ipc';
import { createMainWindow } from './shell/window';
import { SafeStorageSecretStore } from './shell/safeStorageSecrets';

// Electron entry: the only file outside src/main/shell that may import 'electron'.
if (!app.requestSingleInstanceLock()) app.quit();

async function openService(): Promise<PromptlyService> {
  const dataDir = app.getPath('userData');
  const secrets = new SafeStorageSecretStore(join(dataDir, 'secrets.json'));
  const db = openDb(databaseFile(dataDir));
  if (getAccount(db)) return new PromptlyService({ db, secrets, now: Date.now, version: VERSION, dataDir });
  db.close();
  // No mailbox yet: show the demo so a newcomer sees the product at once.
  return new PromptlyService({
    db: await openDemoDatabase(dataDir, Date.now()),
    secrets,
    now: Date.now,
    version: VERSION,
    demo: true,
  });
}

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const service = await openService();
  registerIpc(service);
  const window = createMainWindow(join(import.meta.dirname, '../preload'), join(import.meta.dirname, '../renderer'));
  forwardEvents(service, window.webContents);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) app.relaunch();
});
