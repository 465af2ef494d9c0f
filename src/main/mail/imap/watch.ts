import type { ImapFlow } from 'imapflow';
import { connectImap, type ImapSettings } from './connect';
import { backoffDelay } from './backoff';

/** A running watcher; `stop` closes its connection and ends the loop. */
export interface Watcher {
  stop(): Promise<void>;
}

/** Re-IDLE well before servers drop an idle client (RFC 2177 says 29 minutes). */
const REIDLE_MS = 4 * 60_000;
/** With a re-IDLE every 4 minutes, silence longer than this means the connection is dead. */
const DEAD_AFTER_MS = 5 * 60_000;

/**
 * Keeps one connection IDLE on `path` (RFC 2177) and calls `onChange` whenever the server
 * reports new, changed or expunged mail. The connection is only a doorbell: the sync
 * itself runs on its own connection. Reconnects with exponential backoff and jitter.
 */
export function watchFolder(
  settings: ImapSettings,
  path: string,
  onChange: () => void,
  opts: { onError?: (error: unknown) => void; random?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): Watcher {
  let stopped = false;
  let client: ImapFlow | null = null;
  let wake: (() => void) | null = null;
  const random = opts.random ?? Math.random;
  const sleep =
    opts.sleep ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }));

  const loop = async (): Promise<void> => {
    let attempt = 0;
    while (!stopped) {
      try {
        client = await connectImap(settings, { maxIdleTime: REIDLE_MS, socketTimeout: DEAD_AFTER_MS });
        const c = client;
        if (stopped) {
          c.close();
          break;
        }
        const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
        for (const event of ['exists', 'expunge', 'flags'] as const) c.on(event, () => onChange());
        await c.mailboxOpen(path, { readOnly: true });
        attempt = 0;
        onChange(); // catch up on anything that arrived while we were away
        void c.idle().catch(() => undefined);
        await closed;
      } catch (error) {
        opts.onError?.(error);
      } finally {
        client = null;
      }
      if (stopped) break;
      await sleep(backoffDelay(attempt++, random()));
    }
  };
  const running = loop();
  return {
    async stop() {
      stopped = true;
      wake?.();
      // close(), not logout(): LOGOUT would wait behind the running IDLE.
      client?.close();
      await running;
    },
  };
}
