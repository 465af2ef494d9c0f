import { apiFromOutcomes } from '../../shared/bridged';
import type { PromptlyApi } from '../../shared/contract';
import { PromptlyError } from '../../shared/errors';
import { connectBridge } from './bridgeClient';

/**
 * Electron's preload object, or the WebSocket bridge named in the URL fragment
 * (`#bridge=…&token=…`). The preload returns outcomes; errors are thrown here, on this side
 * of the context bridge, so they keep their code and fields.
 */
function resolveApi(): PromptlyApi {
  if (window.promptly) return apiFromOutcomes(window.promptly);
  const params = new URLSearchParams(window.location.hash.slice(1));
  const url = params.get('bridge');
  const token = params.get('token');
  const session = url ? window.sessionStorage.getItem(sessionKey(url)) : null;
  if (!url || (!token && !session)) {
    throw new PromptlyError({
      code: 'no-account',
      message:
        'Promptly is not connected to its engine. Start it with `npm start`, or `npm run web` for the browser preview.',
    });
  }
  // The printed token works once: it is swapped for a session secret kept by this tab only,
  // and taken out of the address bar and history.
  return connectBridge(url, token ? { token } : { session: session ?? '' }, (secret) => {
    window.sessionStorage.setItem(sessionKey(url), secret);
    params.delete('token');
    window.history.replaceState(null, '', `#${params.toString()}`);
  });
}

function sessionKey(bridgeUrl: string): string {
  return `promptly.bridge.session ${bridgeUrl}`;
}

/** The renderer's only way to reach main. */
export const api: PromptlyApi = resolveApi();
