/**
 * Whether the connected mailbox is reachable, as the status bar and Settings → Mailbox show it.
 * `retrying` carries when the next attempt is due (the service backs off between attempts).
 */
export type ConnectionState =
  | { state: 'none' }
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'retrying'; message: string; attempt: number; nextAttemptAt: number };
