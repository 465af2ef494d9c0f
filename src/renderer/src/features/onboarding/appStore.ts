import { create } from 'zustand';
import type { AppInfo } from '../../../../shared/types';
import type { ConnectionState } from '../../../../shared/connection';
import { api } from '../../api';
import { errorText } from '../../callErrors';

/**
 * Where the person is on the way from first launch to their live mailbox:
 * the welcome screen, the setup form, the "who are you" step, or the mailbox itself.
 */
export type Stage = 'welcome' | 'setup' | 'identity' | 'mailbox';

interface AppState {
  info: AppInfo | null;
  stage: Stage;
  fatal: string | null;
  connection: ConnectionState;
  /** Reads `app.info` and picks the stage that fits it. */
  load(): Promise<void>;
  setStage(stage: Stage): void;
  /** After a successful connect: ask who they are next (the inbox fills meanwhile). */
  connected(): Promise<void>;
  openDemo(): Promise<void>;
  /** From the demo or the palette: show the setup form for the person's own mailbox. */
  connectMailbox(): Promise<void>;
  setConnection(state: ConnectionState): void;
  /** Reads whether the mailbox is live, connecting or waiting (a failure leaves the last state). */
  loadConnection(): Promise<void>;
  /** "Try now": one attempt at once instead of waiting out the backoff. */
  retryConnection(): Promise<void>;
}

function stageFor(info: AppInfo): Stage {
  return info.mode === 'setup' ? 'welcome' : 'mailbox';
}

/** The app-level store: mode, onboarding stage and connection state. */
export const useApp = create<AppState>((set, get) => ({
  info: null,
  stage: 'welcome',
  fatal: null,
  connection: { state: 'none' },
  async load() {
    try {
      const info = await api['app.info']({});
      set({ info, stage: stageFor(info) });
    } catch (error) {
      set({ fatal: errorText(error) });
    }
  },
  setStage(stage) {
    set({ stage });
  },
  async connected() {
    const info = await api['app.info']({});
    set({ info, stage: 'identity' });
  },
  async openDemo() {
    const info = await api['app.openDemo']({});
    set({ info, stage: 'mailbox' });
  },
  async connectMailbox() {
    const current = get().info;
    const info = current?.mode === 'demo' ? await api['app.openSetup']({}) : current;
    if (info) set({ info, stage: info.mode === 'setup' ? 'setup' : 'mailbox' });
  },
  setConnection(connection) {
    set({ connection });
  },
  async loadConnection() {
    await api['connection.get']({}).then(
      (connection) => set({ connection }),
      () => undefined,
    );
  },
  async retryConnection() {
    set({ connection: await api['connection.retry']({}) });
  },
}));
