import { contextBridge, ipcRenderer } from 'electron';
import type { BridgedApi } from '../shared/bridged';
import { CALL_NAMES, channelOf, EVENT_CHANNEL } from '../shared/channels';
import type { EventName, Events } from '../shared/contract';

// Each call resolves to its outcome, never throws: the context bridge would keep only the
// message of a thrown error and drop its code and fields (see src/shared/bridged.ts).
const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(channelOf(name), args)]),
) as Omit<BridgedApi, 'on'>;

const api = {
  ...calls,
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const handler = (_e: Electron.IpcRendererEvent, name: EventName, payload: unknown): void => {
      if (name === event) listener(payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(EVENT_CHANNEL, handler);
  },
} satisfies BridgedApi;

// One method per contract call, nothing else: the renderer never sees ipcRenderer.
contextBridge.exposeInMainWorld('promptly', api);
