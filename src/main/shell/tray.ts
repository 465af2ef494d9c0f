import { app, Menu, nativeImage, Tray, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { TrayState } from '../../shared/policy';
import { badgeBitmap, badgeText } from './badge';
import { trayImageName, type TrayVariant } from './platform';
import { trayView, type TrayView } from './trayView';

/** What the tray's menu does. */
export interface TrayActions {
  openThread(threadKey: string): void;
  open(): void;
  quit(): void;
  /** Pauses notifications for an hour, or resumes them when already paused. */
  togglePause(): void;
  /** When paused notifications resume (epoch ms), or null. */
  pausedUntil(): number | null;
}

/**
 * The tray image file in resources/ for this OS and panel colour (Electron picks the @2x
 * file on high-DPI screens, and treats a `Template` image as a macOS template image).
 */
export function trayImageFile(
  resourcesDir: string,
  variant: TrayVariant,
  platform: NodeJS.Platform,
  darkPanel: boolean,
): string {
  return join(resourcesDir, trayImageName(platform, variant, darkPanel));
}

/** The tray menu for a view. */
export function trayMenuTemplate(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  const threads: MenuItemConstructorOptions[] = view.threads.length
    ? view.threads.map((t) => ({ label: t.label, click: () => actions.openThread(t.threadKey) }))
    : [{ label: 'Nothing due', enabled: false }];
  return [
    ...threads,
    { type: 'separator' },
    {
      label: view.paused ? 'Resume Notifications' : 'Pause Notifications for 1 h',
      click: () => actions.togglePause(),
    },
    { label: 'Open Promptly', click: () => actions.open() },
    { label: 'Quit Promptly', click: () => actions.quit() },
  ];
}

/**
 * The tray icon and the dock/taskbar badge, following the scheduler's `tray.changed`
 * state: icon variant (normal, due, overdue), count (macOS title; tooltip everywhere),
 * the three most urgent conversations, pause, open and quit.
 */
export class TrayController {
  private readonly tray: Tray;
  private state: TrayState = { count: 0, overdue: 0, urgent: [] };

  constructor(
    private readonly resourcesDir: string,
    private readonly actions: TrayActions,
    private readonly window: () => BrowserWindow | null,
    private readonly now: () => number = Date.now,
    private readonly platform: NodeJS.Platform = process.platform,
    /** Whether the taskbar or panel is dark (light icons then); read at each redraw. */
    private readonly darkPanel: () => boolean = () => false,
  ) {
    this.tray = new Tray(trayImageFile(resourcesDir, 'normal', platform, darkPanel()));
    this.tray.on('click', () => actions.open());
    this.render();
  }

  /** Shows a new state. */
  update(state: TrayState): void {
    this.state = state;
    this.render();
  }

  /** Redraws with the last state (after pause changes). */
  render(): TrayView {
    const view = trayView(this.state, this.now(), this.actions.pausedUntil());
    this.tray.setImage(trayImageFile(this.resourcesDir, view.variant, this.platform, this.darkPanel()));
    this.tray.setToolTip(view.tooltip);
    if (this.platform === 'darwin') this.tray.setTitle(view.title);
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(view, this.actions)));
    this.setBadge(view.badge);
    return view;
  }

  /** Removes the icon (quit). */
  destroy(): void {
    this.tray.destroy();
  }

  /** macOS dock badge, Linux launcher badge (Unity API), Windows taskbar overlay. */
  private setBadge(count: number): void {
    if (this.platform === 'darwin') app.dock?.setBadge(badgeText(count));
    else if (this.platform === 'linux') app.setBadgeCount(count);
    else if (this.platform === 'win32') {
      const window = this.window();
      if (!window || window.isDestroyed()) return;
      if (count <= 0) window.setOverlayIcon(null, '');
      else {
        const { width, height, data } = badgeBitmap(count);
        window.setOverlayIcon(nativeImage.createFromBitmap(data, { width, height }), `${count} replies due`);
      }
    }
  }
}
