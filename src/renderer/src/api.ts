import type { PromptlyApi } from '../../shared/contract';
import { PromptlyError } from '../../shared/errors';
import { connectBridge } from './bridgeClient';

/** Electron's preload object, or the WebSocket bridge named in the URL fragment (`#bridge=…&token=…`). */
function resolveApi(): PromptlyApi {
  if (window.promptly) return window.promptly;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const url = params.get('bridge');
  const token = params.get('token');
  if (!url || !token) {
    throw new PromptlyError({
      code: 'no-account',
      message:
        'Promptly is not connected to its engine. Start it with `npm start`, or `npm run web` for the browser preview.',
    });
  }
  return connectBridge(url, token);
}

/** The renderer's only way to reach main. */
export const api: PromptlyApi = resolveApi();
