/**
 * Whether the connected mailbox is reachable, as the status bar and Settings → Mailbox show it.
 * `retrying` carries when the next attempt is due (the service backs off between attempts).
 * `signed-out`: the OAuth2 provider refused the refresh token; nothing is retried until the
 * person signs in again ("Microsoft signed you out of support@…").
 */
export type ConnectionState =
  | { state: 'none' }
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'retrying'; message: string; attempt: number; nextAttemptAt: number }
  | { state: 'signed-out'; message: string };
