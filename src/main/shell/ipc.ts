import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { callNames, channelOf, EVENT_CHANNEL } from '../../shared/contract';
import type { PromptlyService } from '../service/service';
import { dispatch } from '../service/dispatch';

/** Only our own app pages may call in; a frame that navigated elsewhere is refused. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return (
    url.startsWith('file://') ||
    (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL))
  );
}

/** One handler per contract call (no generic invoke), each validated by `dispatch`. */
export function registerIpc(service: PromptlyService): () => void {
  const handlers = service.handlers();
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), async (event, args: unknown) => {
      if (!trustedSender(event))
        return { ok: false, error: { code: 'invalid-arguments', message: 'Refused a call from an untrusted page.' } };
      return dispatch(handlers, name, args);
    });
  }
  return () => callNames.forEach((name) => ipcMain.removeHandler(channelOf(name)));
}

/** Forwards every service event to a window. */
export function forwardEvents(service: PromptlyService, contents: WebContents): () => void {
  return service.events.onAny((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
