import type { ConnectionState } from '../../../../shared/connection';
import type { LiveSyncStatus } from '../../../../shared/types';

/** Seconds until `at`, for "next try in 12 s"; never below zero. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** "every 30 s" / "every 2 min". */
function every(seconds: number): string {
  return seconds < 120 ? `every ${seconds} s` : `every ${Math.round(seconds / 60)} min`;
}

/**
 * The connection state in words. `push` is how live sync hears of new mail: a server with
 * no push is checked on a timer, and the line must not promise mail "by itself" then.
 */
export function connectionText(
  c: ConnectionState,
  now: number,
  push?: Pick<LiveSyncStatus, 'push' | 'pollSeconds'>,
): string {
  switch (c.state) {
    case 'none':
      return '';
    case 'connecting':
      return 'Signing in and fetching mail…';
    case 'live':
      return push?.push === 'poll'
        ? `Connected, checking for new mail ${every(push.pollSeconds)}`
        : 'Connected, new mail arrives by itself';
    case 'retrying':
      return `Not connected: ${c.message} Trying again in ${secondsUntil(c.nextAttemptAt, now)} s (attempt ${c.attempt}).`;
    case 'signed-out':
      return c.message;
  }
}
