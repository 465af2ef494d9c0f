// OS-dependent decisions of the desktop shell, as pure functions: platform (and what the
// OS reports) in, decision out. Each is unit-tested for win32, darwin and linux.
import { join } from 'node:path';

/** The appId of electron-builder.yml: the installer stamps Windows shortcuts with it. */
export const APP_ID = 'app.promptly.desktop';

/**
 * The AppUserModelID to set before anything else on Windows: toasts show only when it
 * matches the one on the Start-menu shortcut. Null elsewhere (not used there).
 */
export function appUserModelId(platform: NodeJS.Platform): string | null {
  return platform === 'win32' ? APP_ID : null;
}

/** What to pass to `app.setLoginItemSettings` for "Open at Login" (not used on Linux). */
export interface LoginItem {
  openAtLogin: boolean;
  args?: string[];
}

/**
 * Login-item options per OS. Only Windows passes arguments to the login item, so only
 * there does `--hidden` say "started at login"; macOS reports that through
 * `wasOpenedAtLogin` instead (see `launchedAtLogin`).
 */
export function loginItemSettings(platform: NodeJS.Platform, enabled: boolean): LoginItem {
  if (platform === 'win32') return { openAtLogin: enabled, args: enabled ? ['--hidden'] : [] };
  return { openAtLogin: enabled };
}

/**
 * Whether this launch came from the login item: the `--hidden` argument (Windows, and the
 * Linux autostart entry), or macOS's own flag.
 */
export function launchedAtLogin(
  platform: NodeJS.Platform,
  argv: readonly string[],
  wasOpenedAtLogin: () => boolean,
): boolean {
  if (platform === 'darwin') return wasOpenedAtLogin();
  return argv.includes('--hidden');
}

/** The desktop named by XDG_CURRENT_DESKTOP (may list several, "ubuntu:GNOME"), upper-cased. */
function desktops(env: NodeJS.ProcessEnv): string[] {
  return (env.XDG_CURRENT_DESKTOP ?? env.DESKTOP_SESSION ?? '')
    .split(':')
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean);
}

/**
 * Whether a tray icon will be visible. Stock GNOME has no tray (icons need an extension);
 * Ubuntu's GNOME ships the AppIndicator extension. Windows, macOS, KDE, Xfce, … have one.
 */
export function hasVisibleTray(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return true;
  const names = desktops(env);
  return !(names.includes('GNOME') && !names.includes('UBUNTU'));
}

/**
 * Whether closing the window hides it instead of quitting: on macOS always (the dock
 * brings it back); elsewhere only when the person asked for it and a tray icon is there
 * to bring it back — otherwise the window would be lost until a relaunch.
 */
export function closeHidesWindow(platform: NodeJS.Platform, minimizeToTray: boolean, trayVisible: boolean): boolean {
  if (platform === 'darwin') return true;
  return minimizeToTray && trayVisible;
}

/** Which tray image to show. */
export type TrayVariant = 'normal' | 'due' | 'overdue';

/**
 * The tray image for a state. macOS gets template images (black with alpha, the
 * `Template` suffix), which the menu bar tints for light and dark. Elsewhere the icon is
 * dark on a light taskbar or panel and light on a dark one (`darkPanel`).
 */
export function trayImageName(platform: NodeJS.Platform, variant: TrayVariant, darkPanel: boolean): string {
  const base = variant === 'normal' ? 'tray' : `tray-${variant}`;
  if (platform === 'darwin') return `${base}Template.png`;
  return darkPanel ? `${base}-light.png` : `${base}.png`;
}

/** The icon for the window and notifications; macOS takes both from the app bundle. */
export function appIconFile(platform: NodeJS.Platform, resourcesDir: string): string | undefined {
  return platform === 'darwin' ? undefined : join(resourcesDir, 'icon.png');
}

/**
 * Desktops for which Chromium picks a keychain by itself (components/os_crypt): KDE gets
 * KWallet, the others the Secret Service (libsecret). On any other desktop (sway, i3,
 * Hyprland, LXQt, …) it falls back to `basic_text`, even when a Secret Service runs.
 */
const RECOGNISED_DESKTOPS = ['GNOME', 'UNITY', 'PANTHEON', 'XFCE', 'X-CINNAMON', 'CINNAMON', 'DEEPIN', 'UKUI', 'KDE'];

/** Whether Chromium recognises the desktop when choosing a keychain. */
export function desktopPicksKeychain(env: NodeJS.ProcessEnv): boolean {
  return desktops(env).some((d) => RECOGNISED_DESKTOPS.includes(d));
}

/**
 * The `--password-store` switch to add before the app is ready: the Secret Service when
 * one is on the session bus but Chromium would not look for it on this desktop. Null when
 * Chromium's own choice is right (other OSes, recognised desktops, no Secret Service) or
 * the person chose a store themselves.
 */
export function passwordStoreSwitch(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
  secretServiceOnBus: () => boolean,
): string | null {
  if (platform !== 'linux' || desktopPicksKeychain(env)) return null;
  if (argv.some((arg) => arg.startsWith('--password-store'))) return null;
  return secretServiceOnBus() ? 'gnome-libsecret' : null;
}

/**
 * Why no keychain was used on Linux, and what exactly to do about it, for the person's
 * desktop. Promptly refuses `basic_text`, which only obfuscates the password.
 */
export function keychainAdvice(env: NodeJS.ProcessEnv): string {
  const names = desktops(env);
  const desktop = names.at(-1) ?? 'unknown';
  const fallback =
    ' Or use the command-line sync, which keeps the password in a file only your user can read (cli-secrets.json, mode 0600).';
  if (names.includes('KDE'))
    return (
      'KWallet is turned off, so Promptly cannot store the password safely. Turn on the wallet in System Settings → ' +
      'KDE Wallet, then sign in again.' +
      fallback
    );
  if (desktopPicksKeychain(env))
    return (
      'No keychain (GNOME Keyring or another Secret Service) is running, so Promptly cannot store the password ' +
      'safely. Install and start one (for example the `gnome-keyring` package), log out and in, then sign in again.' +
      fallback
    );
  return (
    `Your desktop (${desktop.toLowerCase()}) is not one Electron picks a keychain for, and no Secret Service was ` +
    'found on the session bus. Start one (for example `gnome-keyring-daemon --start --components=secrets`, or ' +
    "KeePassXC's Secret Service integration) and restart Promptly: it then uses it by itself. If one is running " +
    'already, start Promptly with `--password-store=gnome-libsecret`.' +
    fallback
  );
}

/** Whether the View menu offers Developer Tools: in development only, never in a packaged build. */
export function offersDevTools(isPackaged: boolean): boolean {
  return !isPackaged;
}

/** The parts of Electron's nativeTheme that say whether the panel is dark. */
export interface ThemeReading {
  shouldUseDarkColors: boolean;
  shouldUseDarkColorsForSystemIntegratedUI?: boolean;
}

/**
 * Whether the taskbar or panel behind the tray icon is dark. Windows themes its taskbar
 * apart from apps ("system" vs "app" mode); elsewhere the desktop's theme is the one.
 */
export function darkPanel(platform: NodeJS.Platform, theme: ThemeReading): boolean {
  if (platform === 'win32') return theme.shouldUseDarkColorsForSystemIntegratedUI ?? theme.shouldUseDarkColors;
  return theme.shouldUseDarkColors;
}
