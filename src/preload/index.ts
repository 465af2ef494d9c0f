import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, channelOf, EVENT_CHANNEL } from '../shared/channels';
import type { CallOutcome, EventName, Events, PromptlyApi } from '../shared/contract';
import { PromptlyError } from '../shared/errors';

async function invoke(channel: string, args: unknown): Promise<unknown> {
  const outcome = (await ipcRenderer.invoke(channel, args)) as CallOutcome<unknown>;
  if (!outcome.ok) throw new PromptlyError(outcome.error);
  return outcome.value;
}

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (args: unknown) => invoke(channelOf(name), args)]),
) as Omit<PromptlyApi, 'on'>;

const api = {
  ...calls,
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const handler = (_e: Electron.IpcRendererEvent, name: EventName, payload: unknown): void => {
      if (name === event) listener(payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(EVENT_CHANNEL, handler);
  },
} satisfies PromptlyApi;

// One method per contract call, nothing else: the renderer never sees ipcRenderer.
contextBridge.exposeInMainWorld('promptly', api);
