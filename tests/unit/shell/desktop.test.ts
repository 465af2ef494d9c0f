import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { startDesktop } = await import('../../../src/main/shell/desktop');
const { appPageOf } = await import('../../../src/main/shell/appPage');
const { RotatingLog } = await import('../../../src/main/shell/log');
const { MemoryRemoteContentAllowance } = await import('../../../src/main/shell/remoteContent');
const { PromptlyService } = await import('../../../src/main/service/service');
const { openDb } = await import('../../../src/main/store/db');
const { MemorySecretStore } = await import('../../../src/main/secrets');

type MenuItem = Record<string, unknown> & { submenu?: MenuItem[] };
const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

function boot(platform: NodeJS.Platform = 'linux') {
  const dataDir = mkdtempSync(join(tmpdir(), 'promptly-desktop-'));
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
    argv: ['promptly'],
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
});
