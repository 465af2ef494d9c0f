import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, fakeEvent, resetFake, electronModule } = await import('./fakeElectron');
const lifecycle = await import('../../../src/main/shell/lifecycle');
const { createMainWindow } = await import('../../../src/main/shell/window');
const { appPageOf } = await import('../../../src/main/shell/appPage');

const app = electronModule.app as never;

describe('lifecycle', () => {
  beforeEach(() => resetFake());

  it('a second launch focuses the first instance; a second instance is told to quit', () => {
    const onSecond = vi.fn();
    expect(lifecycle.claimSingleInstance(app, onSecond)).toBe(true);
    fake.emitApp('second-instance', fakeEvent(), ['promptly'], '/');
    expect(onSecond).toHaveBeenCalledOnce();
    resetFake();
    fake.state.app.singleInstanceLock = false;
    expect(lifecycle.claimSingleInstance(app, onSecond)).toBe(false);
  });

  it('quitting stops live sync, then shuts the service down, then closes the database', async () => {
    const order: string[] = [];
    await lifecycle.runQuitSteps({
      stopLive: async () => void order.push('stopLive'),
      shutdown: async () => void order.push('shutdown'),
      closeDb: () => void order.push('closeDb'),
      log: (m) => order.push(`log ${m}`),
    });
    expect(order).toEqual(['stopLive', 'shutdown', 'closeDb']);
  });

  it('a failing or hanging step is logged and the database is still closed', async () => {
    const order: string[] = [];
    await lifecycle.runQuitSteps(
      {
        stopLive: async () => {
          throw new Error('socket gone');
        },
        shutdown: () => new Promise<void>(() => undefined),
        closeDb: () => void order.push('closeDb'),
        log: (m, e) => order.push(`${m}: ${(e as Error).message}`),
      },
      20,
    );
    expect(order).toEqual([
      'Stopping live sync failed: socket gone',
      'Shutting down the service failed: gave up after 20 ms',
      'closeDb',
    ]);
  });

  it('holds the quit until winding down is done, then quits once', async () => {
    let finish: () => void = () => undefined;
    const windDown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const windDownNow = vi.fn();
    const quit = lifecycle.installQuitHandler(app, windDown, windDownNow);
    expect(quit.isQuitting()).toBe(false);
    const first = fakeEvent();
    fake.emitApp('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(quit.isQuitting()).toBe(true);
    const again = fakeEvent();
    fake.emitApp('before-quit', again);
    expect(again.defaultPrevented).toBe(true);
    expect(windDown).toHaveBeenCalledOnce();
    expect(fake.state.app.quitCalls).toBe(0);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.state.app.quitCalls).toBe(1);
    const last = fakeEvent();
    fake.emitApp('before-quit', last);
    expect(last.defaultPrevented).toBe(false);
    expect(windDownNow).not.toHaveBeenCalled();
  });

  it('never holds a quit the OS asked for at shutdown or logout (macOS, Linux)', () => {
    const windDown = vi.fn(async () => undefined);
    const windDownNow = vi.fn();
    const quit = lifecycle.installQuitHandler(app, windDown, windDownNow);
    quit.osEnding();
    // Shutdown may still be cancelled by another app: nothing closes before the quit.
    expect(windDownNow).not.toHaveBeenCalled();
    const event = fakeEvent();
    fake.emitApp('before-quit', event);
    expect(event.defaultPrevented).toBe(false);
    expect(windDown).not.toHaveBeenCalled();
    expect(windDownNow).toHaveBeenCalledOnce();
    fake.emitApp('before-quit', fakeEvent());
    expect(windDownNow).toHaveBeenCalledOnce();
  });

  it('winds down at once when the Windows session ends, even mid-quit', () => {
    const windDownNow = vi.fn();
    const quit = lifecycle.installQuitHandler(app, () => new Promise<void>(() => undefined), windDownNow);
    fake.emitApp('before-quit', fakeEvent());
    quit.sessionEnded();
    expect(windDownNow).toHaveBeenCalledOnce();
    const after = fakeEvent();
    fake.emitApp('before-quit', after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('closing hides the window in the tray when chosen, but never while quitting', () => {
    createMainWindow({ preloadDir: '/p', page: appPageOf('/r') });
    const window = fake.BrowserWindow.all[0]!;
    window.show();
    let hide = true;
    let quitting = false;
    lifecycle.installCloseToTray(
      window as never,
      () => hide,
      () => quitting,
    );
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(window.visible).toBe(false);
    quitting = true;
    const closeWhileQuitting = fakeEvent();
    window.emit('close', closeWhileQuitting);
    expect(closeWhileQuitting.defaultPrevented).toBe(false);
    quitting = false;
    hide = false;
    const plainClose = fakeEvent();
    window.emit('close', plainClose);
    expect(plainClose.defaultPrevented).toBe(false);
  });

  it('opens at login through the OS on macOS and Windows, and an autostart file on Linux', () => {
    // Only Windows passes arguments to login items; macOS says so with wasOpenedAtLogin.
    lifecycle.setOpenAtLogin(app, true, 'darwin');
    expect(fake.state.app.loginItem).toEqual({ openAtLogin: true });
    lifecycle.setOpenAtLogin(app, true, 'win32');
    expect(fake.state.app.loginItem).toEqual({ openAtLogin: true, args: ['--hidden'] });
    lifecycle.setOpenAtLogin(app, false, 'win32');
    expect(fake.state.app.loginItem).toEqual({ openAtLogin: false, args: [] });
    const config = mkdtempSync(join(tmpdir(), 'promptly-autostart-'));
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/me/Apps/Promptly "x".AppImage' };
    lifecycle.setOpenAtLogin(app, true, 'linux', env);
    const file = join(config, 'autostart', 'promptly.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/home/me/Apps/Promptly \\"x\\".AppImage" --hidden');
    lifecycle.setOpenAtLogin(app, false, 'linux', env);
    expect(existsSync(file)).toBe(false);
    rmSync(config, { recursive: true, force: true });
  });
});
