import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The main actions with the keys of the renderer's keymap (src/renderer/src/keymap), so the
 * menus show them. The renderer's own key handler runs the keys; the menu only displays
 * them (`registerAccelerator: false`) and sends `app.menuAction` when clicked, so a key is
 * never handled twice and a bare letter never fires while the person types.
 */
export const MENU_ACTIONS = [
  { action: 'sync', label: 'Sync Now', accelerator: 'Shift+S' },
  { action: 'search', label: 'Search', accelerator: '/' },
  { action: 'commandPalette', label: 'Command Palette…', accelerator: 'CmdOrCtrl+K' },
  { action: 'claim', label: 'Claim', accelerator: 'A' },
  { action: 'reply', label: 'Reply', accelerator: 'R' },
  { action: 'courtesyReply', label: 'Courtesy Reply', accelerator: 'C' },
  { action: 'close', label: 'Close Conversation', accelerator: 'E' },
  { action: 'snooze', label: 'Snooze…', accelerator: 'H' },
] as const;

/** One of the main actions. */
export type MenuAction = (typeof MENU_ACTIONS)[number]['action'];

/** What the menu does when used. */
export interface AppMenuHandlers {
  action(action: MenuAction): void;
  copyDiagnostics(): void;
  openLogs(): void;
  /** Current value and setter of "minimise to the tray". */
  minimizeToTray: { checked: boolean; set(value: boolean): void };
  /** Current value and setter of "open at login". */
  openAtLogin: { checked: boolean; set(value: boolean): void };
}

/** What the menu offers on this machine. */
export interface AppMenuOptions {
  /** Developer Tools in the View menu: development builds only (`offersDevTools`). */
  devTools: boolean;
  /** "Minimise to Tray on Close" only where a tray icon can bring the window back. */
  trayVisible: boolean;
}

/** Whether an accelerator uses a command modifier (Shift alone is just typing a capital). */
export function hasCommandModifier(accelerator: string): boolean {
  return accelerator
    .split('+')
    .some((part) => /^(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option|AltGr|Super|Meta)$/.test(part));
}

function item(a: (typeof MENU_ACTIONS)[number], handlers: AppMenuHandlers, mac: boolean): MenuItemConstructorOptions {
  // macOS ignores registerAccelerator, and would fire bare-letter key equivalents while typing.
  const shown = !mac || hasCommandModifier(a.accelerator);
  return {
    label: a.label,
    ...(shown ? { accelerator: a.accelerator, registerAccelerator: false } : {}),
    click: () => handlers.action(a.action),
  };
}

function byAction(action: MenuAction): (typeof MENU_ACTIONS)[number] {
  const found = MENU_ACTIONS.find((a) => a.action === action);
  if (!found) throw new Error(`No menu action ${action}`);
  return found;
}

/** This computer's own settings: minimise to tray (where there is a tray) and open at login. */
function settingsItems(handlers: AppMenuHandlers, trayVisible: boolean): MenuItemConstructorOptions[] {
  const toTray: MenuItemConstructorOptions[] = trayVisible
    ? [
        {
          label: 'Minimise to Tray on Close',
          type: 'checkbox',
          checked: handlers.minimizeToTray.checked,
          click: (menuItem) => handlers.minimizeToTray.set(menuItem.checked),
        },
      ]
    : [];
  return [
    ...toTray,
    {
      label: 'Open at Login',
      type: 'checkbox',
      checked: handlers.openAtLogin.checked,
      click: (menuItem) => handlers.openAtLogin.set(menuItem.checked),
    },
  ];
}

/** macOS's own first menu, named after the app; it holds the settings there. */
function macAppMenu(settings: MenuItemConstructorOptions[]): MenuItemConstructorOptions {
  return {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      ...settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

function viewMenu(handlers: AppMenuHandlers, mac: boolean, devTools: boolean): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      item(byAction('search'), handlers, mac),
      item(byAction('commandPalette'), handlers, mac),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
    ],
  };
}

/**
 * The application menu: standard roles (so copy, paste, undo and window keys work, and
 * macOS gets its app menu) plus Promptly's actions with their shortcuts.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  handlers: AppMenuHandlers,
  options: AppMenuOptions = { devTools: false, trayVisible: true },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings = settingsItems(handlers, options.trayVisible);
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item(byAction('sync'), handlers, mac),
      { type: 'separator' },
      ...(mac ? [] : [...settings, { type: 'separator' } as const]),
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const conversation: MenuItemConstructorOptions = {
    label: 'Conversation',
    submenu: (['claim', 'reply', 'courtesyReply', 'snooze', 'close'] as const).map((a) =>
      item(byAction(a), handlers, mac),
    ),
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Copy Diagnostics', click: () => handlers.copyDiagnostics() },
      { label: 'Show Log Files', click: () => handlers.openLogs() },
    ],
  };
  return [
    ...(mac ? [macAppMenu(settings)] : []),
    fileMenu,
    { role: 'editMenu' },
    viewMenu(handlers, mac, options.devTools),
    conversation,
    { role: 'windowMenu' },
    help,
  ];
}

/** Builds and installs the application menu. */
export function installAppMenu(platform: NodeJS.Platform, handlers: AppMenuHandlers, options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, handlers, options)));
}
