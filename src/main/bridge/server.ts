import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PromptlyService } from '../service/service';
import { dispatch } from '../service/dispatch';
import { parseBridgeRequest, type BridgeResponse } from './protocol';

/** A running browser bridge: the contract over WebSocket on 127.0.0.1. */
export interface Bridge {
  port: number;
  token: string;
  /** `ws://` address the renderer connects to (token travels separately). */
  url: string;
  close(): Promise<void>;
}

function tokenMatches(expected: string, request: IncomingMessage): boolean {
  const given = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serve(socket: WebSocket, service: PromptlyService): void {
  const handlers = service.handlers();
  const send = (message: BridgeResponse): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const off = service.events.onAny((event, payload) => send({ type: 'event', event, payload }));
  socket.on('close', off);
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
 * Starts the bridge on a random loopback port with a random token. Connections without
 * the token are refused at the handshake (HTTP 401), before any call can run.
 */
export async function startBridge(
  service: PromptlyService,
  options: { port?: number; token?: string } = {},
): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    verifyClient: (info, done) =>
      tokenMatches(token, info.req) ? done(true) : done(false, 401, 'A valid bridge token is required'),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('connection', (socket) => serve(socket, service));
  const address = wss.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    token,
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
