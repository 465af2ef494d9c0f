import { ipcMain, type WebContents } from 'electron';
import { callNames, channelOf, EVENT_CHANNEL, type CallOutcome } from '../../shared/contract';
import type { PromptlyService } from '../service/service';
import { dispatch } from '../service/dispatch';
import { isAppPage, type AppPage } from './appPage';

/** The outcome of a refused call: the renderer sees a stable code, nothing runs. */
const REFUSED: CallOutcome<never> = {
  ok: false,
  error: { code: 'invalid-arguments', message: 'Refused a call from a page that is not Promptly.' },
};

/**
 * Only the app's own page, in the window's top frame, may call in. A message iframe, a
 * frame that navigated elsewhere, or a frame that is gone is refused.
 */
export function isTrustedSender(
  event: { senderFrame?: { url: string; parent: unknown } | null },
  page: AppPage,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppPage(frame.url, page);
}

/**
 * One handler per contract call (no generic invoke). Each checks the sender, then
 * `dispatch` validates the arguments against the contract before the service runs.
 * Returns the function that removes every handler.
 */
export function registerIpc(
  service: Pick<PromptlyService, 'handlers'>,
  page: AppPage,
  onRefused: (call: string, url: string) => void = () => undefined,
): () => void {
  const handlers = service.handlers();
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), async (event, args: unknown) => {
      if (!isTrustedSender(event, page)) {
        onRefused(name, event.senderFrame?.url ?? '(gone)');
        return REFUSED;
      }
      return dispatch(handlers, name, args);
    });
  }
  return () => callNames.forEach((name) => ipcMain.removeHandler(channelOf(name)));
}

/** Forwards every service event to the window. */
export function forwardEvents(service: Pick<PromptlyService, 'events'>, contents: WebContents): () => void {
  return service.events.onAny((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
