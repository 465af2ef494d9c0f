import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PromptlyService } from '../service/service';
import { dispatch } from '../service/dispatch';
import { parseBridgeRequest, type BridgeResponse } from './protocol';
import { admission, type Admission } from './admission';

/** The largest frame a client may send: a reply's HTML (1 MB by the contract) JSON-escaped, with room. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** A running browser bridge: the contract over WebSocket on 127.0.0.1. */
export interface Bridge {
  port: number;
  /** The single-use token to print in the preview link; it is exchanged for a session secret. */
  token: string;
  /** `ws://` address the renderer connects to (token travels separately). */
  url: string;
  /** Another single-use token, for one more page (each browser tab exchanges its own). */
  issueToken(): string;
  close(): Promise<void>;
}

function secret(): string {
  return randomBytes(24).toString('base64url');
}

/** Finds `given` in `set` in constant time per entry. */
function takeFrom(set: Set<string>, given: string, consume: boolean): boolean {
  const a = Buffer.from(given);
  for (const candidate of set) {
    const b = Buffer.from(candidate);
    if (a.length === b.length && timingSafeEqual(a, b)) {
      if (consume) set.delete(candidate);
      return true;
    }
  }
  return false;
}

function serve(socket: WebSocket, service: PromptlyService, session: string | null): void {
  const handlers = service.handlers();
  const send = (message: BridgeResponse): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  if (session !== null) send({ type: 'session', secret: session });
  const off = service.events.onAny((event, payload) => send({ type: 'event', event, payload }));
  socket.on('close', off);
  // An oversized or malformed frame closes this connection (ws sends 1009/1002); the engine carries on.
  socket.on('error', () => socket.terminate());
  socket.on('message', (data) => {
    const request = parseBridgeRequest(String(data));
    if (!request.ok) {
      send({
        type: 'result',
        id: request.id,
        outcome: { ok: false, error: { code: 'invalid-arguments', message: request.message } },
      });
      return;
    }
    void dispatch(handlers, request.call, request.args).then((outcome) =>
      send({ type: 'result', id: request.id, outcome }),
    );
  });
}

/**
 * Starts the bridge on a random loopback port. A handshake must come to a loopback Host
 * (no DNS rebinding), from an allowed Origin when a browser sends one, and carry either a
 * printed token, which works once and is exchanged for a session secret sent as the first
 * message, or that session secret (a reload of the same tab). Anything else is refused
 * before a call can run; frames over MAX_FRAME_BYTES close the connection (code 1009).
 */
export async function startBridge(
  service: PromptlyService,
  options: { port?: number; token?: string; allowedOrigins?: string[] } = {},
): Promise<Bridge> {
  const token = options.token ?? secret();
  const tokens = new Set<string>([token]);
  const sessions = new Set<string>();
  const admitted = new WeakMap<IncomingMessage, Admission>();
  let port = 0;
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: (info, done) => {
      const verdict = admission(info.req, {
        port,
        allowedOrigins: options.allowedOrigins,
        tokenValid: (given) => takeFrom(tokens, given, true),
        sessionValid: (given) => takeFrom(sessions, given, false),
      });
      if (!verdict.ok) return done(false, verdict.status, verdict.reason);
      admitted.set(info.req, verdict);
      done(true);
    },
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('connection', (socket, request) => {
    const verdict = admitted.get(request);
    let session: string | null = null;
    if (verdict?.ok && verdict.by === 'token') {
      session = secret();
      sessions.add(session);
    }
    serve(socket, service, session);
  });
  const address = wss.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    token,
    url: `ws://127.0.0.1:${port}`,
    issueToken: () => {
      const next = secret();
      tokens.add(next);
      return next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
