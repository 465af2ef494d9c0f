import { useApp } from './appStore';

/** An entry of the palette (same shape as keymap/actions' Action, kept local to avoid a cycle). */
interface AppAction {
  id: string;
  title: string;
  group: 'App';
  available?: () => boolean;
  run: () => void;
}

const mode = () => useApp.getState().info?.mode;

/**
 * "Connect mailbox…" and "Open the demo" for the palette. From the demo, connecting leaves it
 * for the person's own data; with a mailbox connected, it shows Settings → Mailbox.
 */
export function appActions(showSettings: () => void): AppAction[] {
  return [
    {
      id: 'app.connect',
      title: 'Connect mailbox…',
      group: 'App',
      run: () => {
        if (mode() === 'demo') void useApp.getState().connectMailbox();
        else {
          showSettings();
          requestAnimationFrame(() => document.getElementById('mailbox-title')?.scrollIntoView());
        }
      },
    },
    {
      id: 'app.demo',
      title: 'Open the demo',
      group: 'App',
      available: () => mode() !== 'demo',
      run: () => void useApp.getState().openDemo(),
    },
    {
      id: 'app.leaveDemo',
      title: 'Leave the demo',
      group: 'App',
      available: () => mode() === 'demo',
      run: () => void useApp.getState().connectMailbox(),
    },
  ];
}
