import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { appMenuTemplate, MENU_ACTIONS, hasCommandModifier } = await import('../../../src/main/shell/menu');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const handlers = () => ({
  action: vi.fn(),
  copyDiagnostics: vi.fn(),
  openLogs: vi.fn(),
  minimizeToTray: { checked: true, set: vi.fn() },
  openAtLogin: { checked: false, set: vi.fn() },
});

describe('the application menu', () => {
  it('has the standard roles and every main action with its shortcut shown', () => {
    const h = handlers();
    const items = flatten(appMenuTemplate('linux', h));
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'zoomIn']));
    // A packaged build has no Developer Tools item; development builds do.
    expect(roles).not.toContain('toggleDevTools');
    const dev = flatten(appMenuTemplate('linux', h, { devTools: true, trayVisible: true }));
    expect(dev.map((i) => i.role)).toContain('toggleDevTools');
    for (const { label, accelerator, action } of MENU_ACTIONS) {
      const found = items.find((i) => i.label === label);
      expect(found).toMatchObject({ accelerator, registerAccelerator: false });
      (found?.click as () => void)();
      expect(h.action).toHaveBeenLastCalledWith(action);
    }
    expect(items.find((i) => i.label === 'Minimise to Tray on Close')).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
  });

  it('on macOS has the app menu and never binds a bare letter as a key equivalent', () => {
    const items = flatten(appMenuTemplate('darwin', handlers()));
    expect(items[0]?.role).toBe('appMenu');
    expect(items.find((i) => i.label === 'Claim')?.accelerator).toBeUndefined();
    expect(items.find((i) => i.label === 'Sync Now')?.accelerator).toBeUndefined();
    expect(items.find((i) => i.label === 'Command Palette…')?.accelerator).toBe('CmdOrCtrl+K');
    expect([hasCommandModifier('Shift+S'), hasCommandModifier('CmdOrCtrl+K'), hasCommandModifier('A')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('Help offers Copy Diagnostics', () => {
    const h = handlers();
    const copy = flatten(appMenuTemplate('win32', h)).find((i) => i.label === 'Copy Diagnostics');
    (copy?.click as () => void)();
    expect(h.copyDiagnostics).toHaveBeenCalledOnce();
  });

  it('offers "Minimise to Tray on Close" only where a tray icon can bring the window back', () => {
    const noTray = flatten(appMenuTemplate('linux', handlers(), { devTools: false, trayVisible: false }));
    expect(noTray.map((i) => i.label)).not.toContain('Minimise to Tray on Close');
    expect(noTray.map((i) => i.label)).toContain('Open at Login');
  });
});
