import type { Session } from 'electron';
import { isAppPage, type AppPage } from './appPage';
import { withAppCsp } from './csp';
import { blocksRemoteRequest, type RemoteContentAllowance } from './remoteContent';

/** Remote schemes the request filter looks at; everything else (file:, data:) is local. */
const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Locks down a session per Electron's security checklist: every permission (camera,
 * notifications from pages, geolocation, …) is denied, the app's pages get the CSP header,
 * and remote loads are filtered (see `blocksRemoteRequest`).
 */
export function hardenSession(session: Session, page: AppPage, allowance: RemoteContentAllowance): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (isDocument && isAppPage(details.url, page)) callback({ responseHeaders: withAppCsp(details.responseHeaders) });
    else callback({});
  });
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (details, callback) => {
    callback({ cancel: blocksRemoteRequest(details, page, allowance) });
  });
}
