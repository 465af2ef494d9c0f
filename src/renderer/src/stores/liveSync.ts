import type { LiveSyncStatus } from '../../../shared/types';
import { api } from '../api';

/**
 * Follows how live sync hears about changes and tells it whether the window is in front (checks
 * come faster then). Returns the unsubscribe.
 */
export function followLiveSync(onStatus: (status: LiveSyncStatus) => void): () => void {
  let current = true;
  void api['sync.live']({})
    .then((status) => current && onStatus(status))
    .catch(() => undefined);
  const off = api.on('sync.live', onStatus);
  return () => {
    current = false;
    off();
  };
}

/** Tells live sync whether the window is in front; a failure changes nothing the person sees. */
export function setWindowFocused(focused: boolean): void {
  void api['sync.configure']({ focused }).catch(() => undefined);
}
