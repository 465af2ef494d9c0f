import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const platform = await import('../../../src/main/shell/platform');
const { prepareApp } = await import('../../../src/main/shell/startup');
const { secretServiceOnBus, namesIncludeSecretService } = await import('../../../src/main/shell/secretService');
const { fake, resetFake, electronModule } = await import('./fakeElectron');
const { readFileSync } = await import('node:fs');

const OSES = ['win32', 'darwin', 'linux'] as const;

describe('OS decisions of the desktop shell', () => {
  it("sets the installer's AppUserModelID on Windows only, before anything else", () => {
    expect(OSES.map((os) => platform.appUserModelId(os))).toEqual([platform.APP_ID, null, null]);
    for (const os of OSES) {
      resetFake();
      const env = { XDG_CURRENT_DESKTOP: 'sway' };
      prepareApp(electronModule.app as never, electronModule.protocol, {
        platform: os,
        env,
        argv: [],
        secretServiceOnBus: () => true,
      });
      const calls = fake.state.app.calls;
      if (os === 'win32') expect(calls[0]).toBe(`setAppUserModelId ${platform.APP_ID}`);
      else expect(calls.some((c) => c.startsWith('setAppUserModelId'))).toBe(false);
      if (os === 'linux') expect(calls).toContain('appendSwitch password-store=gnome-libsecret');
      else expect(calls.some((c) => c.startsWith('appendSwitch'))).toBe(false);
      expect(calls.at(-1)).toBe('registerSchemesAsPrivileged app');
    }
  });

  it('login items: arguments on Windows only; "started at login" from --hidden or macOS\'s flag', () => {
    expect(platform.loginItemSettings('win32', true)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(platform.loginItemSettings('darwin', true)).toEqual({ openAtLogin: true });
    expect(platform.loginItemSettings('linux', false)).toEqual({ openAtLogin: false });
    expect(platform.launchedAtLogin('win32', ['p', '--hidden'], () => false)).toBe(true);
    expect(platform.launchedAtLogin('linux', ['p', '--hidden'], () => false)).toBe(true);
    expect(platform.launchedAtLogin('darwin', ['p', '--hidden'], () => false)).toBe(false);
    expect(platform.launchedAtLogin('darwin', ['p'], () => true)).toBe(true);
    expect(platform.launchedAtLogin('win32', ['p'], () => true)).toBe(false);
  });

  it('knows where a tray icon is visible, and never hides the window where none is', () => {
    expect(platform.hasVisibleTray('win32', {})).toBe(true);
    expect(platform.hasVisibleTray('darwin', {})).toBe(true);
    expect(platform.hasVisibleTray('linux', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe(false);
    expect(platform.hasVisibleTray('linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe(true);
    expect(platform.hasVisibleTray('linux', { XDG_CURRENT_DESKTOP: 'KDE' })).toBe(true);
    expect(platform.closeHidesWindow('darwin', false, true)).toBe(true);
    expect(platform.closeHidesWindow('win32', true, true)).toBe(true);
    expect(platform.closeHidesWindow('win32', false, true)).toBe(false);
    expect(platform.closeHidesWindow('linux', true, false)).toBe(false);
  });

  it('picks template tray images on macOS and light or dark ones elsewhere, and they exist', () => {
    expect(platform.trayImageName('darwin', 'normal', false)).toBe('trayTemplate.png');
    expect(platform.trayImageName('darwin', 'due', true)).toBe('tray-dueTemplate.png');
    expect(platform.trayImageName('win32', 'due', true)).toBe('tray-due-light.png');
    expect(platform.trayImageName('linux', 'overdue', false)).toBe('tray-overdue.png');
    for (const os of OSES)
      for (const variant of ['normal', 'due', 'overdue'] as const)
        for (const dark of [false, true]) {
          const name = platform.trayImageName(os, variant, dark);
          expect(readFileSync(`resources/${name}`).subarray(1, 4).toString()).toBe('PNG');
          expect(readFileSync(`resources/${name.replace('.png', '@2x.png')}`).readUInt32BE(16)).toBe(32);
        }
    expect(
      platform.darkPanel('win32', { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true }),
    ).toBe(true);
    expect(
      platform.darkPanel('linux', { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false }),
    ).toBe(true);
  });

  it('the window and notification icon comes from resources/, except on macOS', () => {
    expect(platform.appIconFile('linux', '/r')).toBe('/r/icon.png');
    expect(platform.appIconFile('win32', '/r')).toBe('/r/icon.png');
    expect(platform.appIconFile('darwin', '/r')).toBeUndefined();
  });

  it('uses the Secret Service on desktops Chromium does not recognise, only when one is on the bus', () => {
    const bus = vi.fn(() => true);
    expect(platform.passwordStoreSwitch('linux', { XDG_CURRENT_DESKTOP: 'Hyprland' }, [], bus)).toBe('gnome-libsecret');
    expect(platform.passwordStoreSwitch('linux', { XDG_CURRENT_DESKTOP: 'LXQt' }, [], bus)).toBe('gnome-libsecret');
    expect(platform.passwordStoreSwitch('linux', { XDG_CURRENT_DESKTOP: 'i3' }, [], () => false)).toBe(null);
    expect(platform.passwordStoreSwitch('linux', { XDG_CURRENT_DESKTOP: 'GNOME' }, [], bus)).toBe(null);
    expect(platform.passwordStoreSwitch('linux', { XDG_CURRENT_DESKTOP: 'X-Cinnamon' }, [], bus)).toBe(null);
    expect(
      platform.passwordStoreSwitch('linux', { XDG_CURRENT_DESKTOP: 'sway' }, ['--password-store=kwallet5'], bus),
    ).toBe(null);
    expect(platform.passwordStoreSwitch('win32', {}, [], bus)).toBe(null);
    expect(platform.passwordStoreSwitch('darwin', {}, [], bus)).toBe(null);
  });

  it('gives keychain advice that fits the desktop', () => {
    expect(platform.keychainAdvice({ XDG_CURRENT_DESKTOP: 'sway' })).toMatch(
      /\(sway\).*--password-store=gnome-libsecret/s,
    );
    expect(platform.keychainAdvice({ XDG_CURRENT_DESKTOP: 'KDE' })).toMatch(/KWallet/);
    expect(platform.keychainAdvice({ XDG_CURRENT_DESKTOP: 'XFCE' })).toMatch(/gnome-keyring/);
    for (const env of [{ XDG_CURRENT_DESKTOP: 'sway' }, { XDG_CURRENT_DESKTOP: 'GNOME' }])
      expect(platform.keychainAdvice(env)).toContain('cli-secrets.json');
  });

  it('finds a Secret Service on the session bus, running or activatable', () => {
    const reply = (names: string[]) =>
      `method return\n   array [\n${names.map((n) => `      string "${n}"`).join('\n')}\n   ]\n`;
    expect(namesIncludeSecretService(reply(['org.freedesktop.DBus', 'org.freedesktop.secrets']))).toBe(true);
    expect(namesIncludeSecretService(reply(['org.freedesktop.secrets.extra']))).toBe(false);
    const asked: string[] = [];
    const activatable = (file: string, args: string[]) => {
      asked.push(`${file} ${args.at(-1)}`);
      return args.at(-1)?.endsWith('ListActivatableNames') ? reply(['org.freedesktop.secrets']) : reply([]);
    };
    expect(secretServiceOnBus(activatable)).toBe(true);
    expect(asked).toEqual([
      'dbus-send org.freedesktop.DBus.ListNames',
      'dbus-send org.freedesktop.DBus.ListActivatableNames',
    ]);
    expect(secretServiceOnBus(() => null)).toBe(false);
  });

  it('offers Developer Tools only in development builds', () => {
    expect(platform.offersDevTools(true)).toBe(false);
    expect(platform.offersDevTools(false)).toBe(true);
  });
});
