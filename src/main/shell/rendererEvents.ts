import type { WebContents } from 'electron';
import { EVENT_CHANNEL } from '../../shared/contract';
import type { MenuAction } from './menu';

/**
 * Events the shell itself pushes to the renderer, on the same channel as the service's.
 * To add to the contract's `Events` (and EVENT_NAMES) so `api.on` is typed for them.
 */
export interface ShellEvents {
  /** Show this conversation (tray menu, notification click). */
  'app.openThread': { threadKey: string };
  /** A menu item or its accelerator was used; the renderer runs the action. */
  'app.menuAction': { action: MenuAction };
}

/** How the shell reaches the renderer; the window's webContents in the app. */
export interface RendererLink {
  send<E extends keyof ShellEvents>(event: E, payload: ShellEvents[E]): void;
}

/** A link to a window's page that drops events once the page is gone. */
export function rendererLinkOf(contents: () => WebContents | null): RendererLink {
  return {
    send(event, payload) {
      const target = contents();
      if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, event, payload);
    },
  };
}

/** Asks the renderer to show a conversation. */
export function openThread(link: RendererLink, threadKey: string): void {
  link.send('app.openThread', { threadKey });
}

/** Tells the renderer a menu action was chosen. */
export function sendMenuAction(link: RendererLink, action: MenuAction): void {
  link.send('app.menuAction', { action });
}
