import {
  callNames,
  type CallName,
  type CallOutcome,
  type EventName,
  type Events,
  type PromptlyApi,
} from '../../shared/contract';
import { PromptlyError } from '../../shared/errors';

type Listener = (payload: unknown) => void;
type BridgeMessage =
  | { type: 'result'; id: number; outcome: CallOutcome<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'session'; secret: string };

/** How a page proves it may use the bridge: the printed single-use token, or the session secret it was exchanged for. */
export type BridgeCredential = { token: string } | { session: string };

/**
 * The contract over the test/preview WebSocket bridge: the same object shape the preload
 * exposes in Electron, so the renderer cannot tell the two apart. `onSession` receives the
 * secret a token was exchanged for, so a reload of the page can connect again.
 */
export function connectBridge(
  url: string,
  credential: BridgeCredential,
  onSession: (secret: string) => void = () => undefined,
): PromptlyApi {
  const query =
    'token' in credential
      ? `token=${encodeURIComponent(credential.token)}`
      : `session=${encodeURIComponent(credential.session)}`;
  const socket = new WebSocket(`${url}/?${query}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () =>
      reject(
        new PromptlyError({
          code: 'connection-refused',
          message:
            'token' in credential
              ? 'Could not reach the Promptly engine. The link `npm run web` prints opens one tab only: go back to that tab, or restart `npm run web` for a new link.'
              : 'Could not reach the Promptly engine. Is `npm run web` still running?',
        }),
      ),
    );
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<EventName, Set<Listener>>();
  let nextId = 1;

  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as BridgeMessage;
    if (message.type === 'session') {
      onSession(message.secret);
      return;
    }
    if (message.type === 'event') {
      listeners.get(message.event)?.forEach((listener) => listener(message.payload));
      return;
    }
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (!waiter) return;
    if (message.outcome.ok) waiter.resolve(message.outcome.value);
    else waiter.reject(new PromptlyError(message.outcome.error));
  });

  const invoke = async (call: CallName, args: unknown): Promise<unknown> => {
    await opened;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, call, args }));
    });
  };

  const api = Object.fromEntries(callNames.map((name) => [name, (args: unknown) => invoke(name, args)]));
  return {
    ...(api as Omit<PromptlyApi, 'on'>),
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}
