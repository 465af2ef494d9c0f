import { Notification } from 'electron';
import type { NotifyRequest } from '../../shared/contract';

/** How long "Pause notifications for 1 h" lasts. */
export const PAUSE_MS = 60 * 60 * 1000;

/** What a notification click does, and what happens when the OS refuses to show one. */
export interface NotificationActions {
  focus(): void;
  openThread(threadKey: string): void;
  /**
   * The OS would not show a notification (macOS refuses them for unsigned builds): ask
   * for attention another way (dock bounce, taskbar flash) and log `error` once.
   */
  failed?(error: string, firstTime: boolean): void;
}

/**
 * Native notifications for the scheduler's `notify` events. A click focuses the window and
 * opens the thread. The pause is in memory: a restart ends it, on purpose.
 *
 * Do-not-disturb: Electron exposes no DND state. Notifications go through the OS
 * notification service, which applies it: macOS Focus, Windows Focus Assist / Do Not
 * Disturb (toasts go quietly to the Action Centre), and GNOME/KDE's DND (freedesktop
 * notifications). We never use `urgency: 'critical'`, which GNOME shows even in DND.
 */
export class NotificationCenter {
  private pausedUntilMs: number | null = null;
  // Electron drops the click handler of a notification that was garbage-collected.
  private readonly shown = new Set<Notification>();
  private failures = 0;

  constructor(
    private readonly actions: NotificationActions,
    private readonly now: () => number = Date.now,
    private readonly icon?: string,
  ) {}

  /** Pauses notifications for an hour from now. */
  pause(ms = PAUSE_MS): void {
    this.pausedUntilMs = this.now() + ms;
  }

  resume(): void {
    this.pausedUntilMs = null;
  }

  /** When notifications resume, or null when they are not paused. */
  pausedUntil(): number | null {
    if (this.pausedUntilMs !== null && this.pausedUntilMs <= this.now()) this.pausedUntilMs = null;
    return this.pausedUntilMs;
  }

  /** Shows a notification unless paused or unsupported; true when shown. */
  show(request: NotifyRequest): boolean {
    if (this.pausedUntil() !== null || !Notification.isSupported()) return false;
    const notification = new Notification({
      title: request.title,
      body: request.body,
      icon: this.icon,
      urgency: 'normal',
      silent: request.kind === 'summary',
    });
    const forget = (): void => {
      this.shown.delete(notification);
    };
    notification.on('click', () => {
      forget();
      this.actions.focus();
      if (request.threadKey) this.actions.openThread(request.threadKey);
    });
    notification.on('close', forget);
    notification.on('failed', (_event, error) => {
      forget();
      this.failures++;
      this.actions.failed?.(error, this.failures === 1);
    });
    this.shown.add(notification);
    notification.show();
    return true;
  }
}
