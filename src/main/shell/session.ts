import type { Session } from 'electron';
import { isAppPage, type AppPage } from './appPage';
import { appCsp, withAppCsp } from './csp';
import { blocksRemoteRequest, type RemoteContentAllowance } from './remoteContent';

/** Remote schemes the request filter looks at; everything else (file:, data:) is local. */
const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Locks down a session per Electron's security checklist: every permission (camera,
 * notifications from pages, geolocation, …) is denied, and remote loads are filtered (see
 * `blocksRemoteRequest`). The app protocol sends its own CSP header; pages of the dev
 * server get the development policy here.
 */
export function hardenSession(session: Session, page: AppPage, allowance: RemoteContentAllowance): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const devCsp = appCsp({ dev: true });
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (isDocument && page.devUrl && isAppPage(details.url, page))
      callback({ responseHeaders: withAppCsp(details.responseHeaders, devCsp) });
    else callback({});
  });
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (details, callback) => {
    callback({ cancel: blocksRemoteRequest(details, page, allowance) });
  });
}
