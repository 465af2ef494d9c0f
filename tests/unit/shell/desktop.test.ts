import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/tempDir';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, fakeEvent, resetFake } = await import('./fakeElectron');
const { startDesktop } = await import('../../../src/main/shell/desktop');
const { appPageOf } = await import('../../../src/main/shell/appPage');
const { RotatingLog } = await import('../../../src/main/shell/log');
const { MemoryRemoteContentAllowance } = await import('../../../src/main/shell/remoteContent');
const { PromptlyService } = await import('../../../src/main/service/service');
const { openDb } = await import('../../../src/main/store/db');
const { MemorySecretStore } = await import('../../../src/main/secrets');

type MenuItem = Record<string, unknown> & { submenu?: MenuItem[] };
const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

function bootIn(dataDir: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv) {
  const service = new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => 0,
    version: '1',
  });
  startDesktop({
    service,
    dataDir,
    resourcesDir: '/res',
    preloadDir: '/app/out/preload',
    page: appPageOf('/app/out/renderer'),
    log: new RotatingLog(join(dataDir, 'logs')),
    allowance: new MemoryRemoteContentAllowance(),
    platform,
    env,
    argv: ['promptly'],
  });
  return { window: fake.BrowserWindow.all[0]! };
}

function boot(platform: NodeJS.Platform = 'linux', extra: { env?: NodeJS.ProcessEnv; argv?: string[] } = {}) {
  const dataDir = tempDir('desktop');
  const db = openDb(':memory:');
  const service = new PromptlyService({ db, secrets: new MemorySecretStore(), now: () => 0, version: '9.9.9' });
  const order: string[] = [];
  vi.spyOn(service, 'stopLive').mockImplementation(async () => void order.push('stopLive'));
  const close = db.close.bind(db);
  vi.spyOn(db, 'close').mockImplementation(() => {
    order.push('closeDb');
    return close();
  });
  const desktop = startDesktop({
    service,
    dataDir,
    resourcesDir: '/res',
    preloadDir: '/app/out/preload',
    page: appPageOf('/app/out/renderer'),
    log: new RotatingLog(join(dataDir, 'logs')),
    allowance: new MemoryRemoteContentAllowance(),
    platform,
    env: extra.env ?? { XDG_CURRENT_DESKTOP: 'KDE' },
    argv: extra.argv ?? ['promptly'],
    now: () => Date.UTC(2026, 0, 5, 12),
  });
  const window = fake.BrowserWindow.all[0]!;
  const tray = fake.Tray.all[0]!;
  const events = () => window.webContents.sent.filter((s) => s.channel === 'promptly:event').map((s) => s.args);
  return { dataDir, service, desktop, window, tray, events, order };
}

describe('the desktop shell', () => {
  beforeEach(() => resetFake());

  it('follows tray.changed and opens a thread from the tray menu', () => {
    const { service, tray, window, events } = boot();
    service.events.emit('tray.changed', {
      count: 1,
      overdue: 1,
      urgent: [{ threadId: '<root@x>', dueAt: 0, reason: 'first-response', state: 'overdue' }],
    });
    expect(tray.image).toBe('/res/tray-overdue.png');
    (tray.menu?.template[0]?.click as () => void)();
    expect(window.focused).toBe(1);
    expect(events()).toContainEqual(['app.openThread', { threadKey: '<root@x>' }]);
  });

  it('a notification click focuses the window and opens its thread; pausing from the tray suppresses them', () => {
    const { service, window, events, tray } = boot();
    service.events.emit('notify', { id: '1', title: 'Overdue', body: 'b', threadKey: '<t@x>', kind: 'overdue' });
    fake.Notification.all[0]?.emit('click');
    expect(window.focused).toBe(1);
    expect(events()).toContainEqual(['app.openThread', { threadKey: '<t@x>' }]);
    const pause = tray.menu?.template.find((i) => i.label === 'Pause Notifications for 1 h');
    (pause?.click as () => void)();
    service.events.emit('notify', { id: '2', title: 'Overdue', body: 'b', threadKey: '<t@x>', kind: 'overdue' });
    expect(fake.Notification.all).toHaveLength(1);
    expect(tray.menu?.template.map((i) => i.label)).toContain('Resume Notifications');
  });

  it('quits in order: live sync stopped, then the database closed, then the tray removed', async () => {
    const { order, tray } = boot();
    fake.state.app.quitCalls = 0;
    (fake.state.app as unknown as { emit: (e: string, ev: unknown) => void }).emit('before-quit', {
      preventDefault: () => order.push('held'),
    });
    await vi.waitFor(() => expect(fake.state.app.quitCalls).toBe(1));
    expect(order).toEqual(['held', 'stopLive', 'closeDb']);
    expect(tray.destroyed).toBe(true);
  });

  it('menu actions reach the renderer and settings persist', () => {
    const { events, dataDir, desktop } = boot();
    const items = flatten(fake.state.applicationMenu!.template as MenuItem[]);
    (items.find((i) => i.label === 'Claim')?.click as () => void)();
    expect(events()).toContainEqual(['app.menuAction', { action: 'claim' }]);
    (items.find((i) => i.label === 'Minimise to Tray on Close')?.click as (m: { checked: boolean }) => void)({
      checked: true,
    });
    expect(desktop.settings().minimizeToTray).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'shell-settings.json'), 'utf8'))).toMatchObject({
      minimizeToTray: true,
    });
  });

  it('copies diagnostics to the clipboard', async () => {
    const { desktop } = boot();
    const text = await desktop.copyDiagnostics();
    expect(text).toContain('Promptly 9.9.9');
    expect(fake.state.clipboard).toBe(text);
  });

  it('closing the window quits on Linux by default, and only hides it on macOS', () => {
    const linux = boot('linux').window;
    const close = { defaultPrevented: false, preventDefault: () => (close.defaultPrevented = true) };
    linux.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
    resetFake();
    const mac = boot('darwin').window;
    mac.show();
    mac.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(mac.visible).toBe(false);
  });

  it('on stock GNOME (no tray) closing quits even with "minimise to tray" chosen, and the menu does not offer it', () => {
    const dataDir = boot('linux', { env: { XDG_CURRENT_DESKTOP: 'GNOME' } }).dataDir;
    resetFake();
    writeFileSync(join(dataDir, 'shell-settings.json'), JSON.stringify({ minimizeToTray: true }));
    const { window } = bootIn(dataDir, 'linux', { XDG_CURRENT_DESKTOP: 'GNOME' });
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
    const labels = flatten(fake.state.applicationMenu!.template as MenuItem[]).map((i) => i.label);
    expect(labels).not.toContain('Minimise to Tray on Close');
    resetFake();
    const kde = bootIn(dataDir, 'linux', { XDG_CURRENT_DESKTOP: 'KDE' }).window;
    const kdeClose = fakeEvent();
    kde.emit('close', kdeClose);
    expect(kdeClose.defaultPrevented).toBe(true);
  });

  it('does not hold the quit when the OS shuts down, and still closes the database', () => {
    const { order } = boot('darwin');
    fake.powerMonitor.emit('shutdown');
    const quit = fakeEvent();
    fake.emitApp('before-quit', quit);
    expect(quit.defaultPrevented).toBe(false);
    expect(order).toContain('closeDb');
  });

  it('checks reminders at once when the computer wakes (timers stood still while it slept)', () => {
    const { service } = boot('linux');
    const check = vi.spyOn(service, 'checkReminders');
    fake.powerMonitor.emit('resume');
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('when macOS refuses a notification (unsigned build) it bounces the dock and logs once', () => {
    const { service, dataDir } = boot('darwin');
    for (const id of ['1', '2']) {
      service.events.emit('notify', { id, title: 'Overdue', body: 'b', threadKey: '<t@x>', kind: 'overdue' });
      fake.Notification.all.at(-1)?.emit('failed', fakeEvent(), 'not permitted');
    }
    expect(fake.state.app.dock.bounces).toBe(2);
    const log = readFileSync(join(dataDir, 'logs', 'promptly.log'), 'utf8');
    expect(log.match(/did not show a notification: not permitted/g)).toHaveLength(1);
  });

  it('gives the window and notifications the app icon, except on macOS (the bundle has it)', () => {
    const { service, window } = boot('linux');
    expect(window.options.icon).toBe('/res/icon.png');
    service.events.emit('notify', { id: '1', title: 'T', body: 'b', threadKey: null, kind: 'overdue' });
    expect(fake.Notification.all[0]?.options.icon).toBe('/res/icon.png');
    resetFake();
    expect(boot('darwin').window.options.icon).toBeUndefined();
  });

  it('uses template tray images on macOS and light ones on a dark Windows taskbar, following theme changes', () => {
    expect(boot('darwin').tray.image).toBe('/res/trayTemplate.png');
    resetFake();
    const { tray } = boot('win32');
    expect(tray.image).toBe('/res/tray.png');
    fake.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    fake.nativeTheme.emit('updated');
    expect(tray.image).toBe('/res/tray-light.png');
  });

  it('starts hidden when macOS opened it at login, and shown otherwise', () => {
    fake.state.app.wasOpenedAtLogin = true;
    const mac = boot('darwin').window;
    mac.emit('ready-to-show');
    expect(mac.visible).toBe(false);
    resetFake();
    const win = boot('win32').window;
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });
});
