import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openDb } from '../../../src/main/store/db';
import { MemorySecretStore } from '../../../src/main/secrets';
import { PromptlyService } from '../../../src/main/service/service';
import { MAX_FRAME_BYTES, startBridge, type Bridge } from '../../../src/main/bridge/server';

const bridges: Bridge[] = [];

afterEach(async () => {
  for (const b of bridges.splice(0)) await b.close();
});

async function bridge(allowedOrigins?: string[]): Promise<Bridge> {
  const service = new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => 0,
    version: 't',
  });
  const b = await startBridge(service, { allowedOrigins });
  bridges.push(b);
  return b;
}

type Outcome = { status: number } | { socket: WebSocket; first: unknown };

/** The id of the call {@link connect} makes to learn that nothing came before its answer. */
const PROBE = 424242;

/**
 * Opens a connection; resolves with the HTTP refusal, or the socket and the first message the
 * bridge sent of its own accord (null when the answer to a call made on opening came first).
 */
function connect(url: string, options: { origin?: string; host?: string } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin: options.origin, headers: options.host ? { host: options.host } : {} });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('open', () => {
      let first: unknown = null;
      const onMessage = (data: unknown) => {
        const message = JSON.parse(String(data)) as { type?: string; id?: number };
        if (message.type !== 'result' || message.id !== PROBE) {
          first ??= message;
          return;
        }
        ws.off('message', onMessage);
        resolve({ socket: ws, first });
      };
      ws.on('message', onMessage);
      // The bridge answers in order: whatever it sends on its own on connecting arrives before this answer.
      ws.send(JSON.stringify({ id: PROBE, call: 'app.info', args: {} }));
    });
  });
}

function opened(o: Outcome): { socket: WebSocket; first: unknown } {
  if ('status' in o) throw new Error(`refused with ${o.status}`);
  return o;
}

describe('the browser bridge', () => {
  it('takes the printed token once and exchanges it for a session secret that a reload may use', async () => {
    const b = await bridge();
    const first = opened(await connect(`${b.url}/?token=${b.token}`, { origin: 'http://127.0.0.1:5173' }));
    expect(first.first).toMatchObject({ type: 'session', secret: expect.any(String) });
    const secret = (first.first as { secret: string }).secret;
    expect(await connect(`${b.url}/?token=${b.token}`)).toEqual({ status: 401 });
    const again = opened(await connect(`${b.url}/?session=${secret}`, { origin: 'http://127.0.0.1:5173' }));
    expect(again.first).toBeNull();
    expect(await connect(`${b.url}/?session=not-${secret}`)).toEqual({ status: 401 });
    // A second tab gets its own token.
    expect(opened(await connect(`${b.url}/?token=${b.issueToken()}`)).first).toMatchObject({ type: 'session' });
    first.socket.close();
    again.socket.close();
  });

  it('refuses foreign Origins and Host names, before the token is used up', async () => {
    const b = await bridge(['http://127.0.0.1:5173']);
    expect(await connect(`${b.url}/?token=${b.token}`, { origin: 'https://evil.example' })).toEqual({ status: 403 });
    expect(await connect(`${b.url}/?token=${b.token}`, { origin: 'http://127.0.0.1:9999' })).toEqual({ status: 403 });
    expect(await connect(`${b.url}/?token=${b.token}`, { host: `rebind.evil.example:${b.port}` })).toEqual({
      status: 403,
    });
    const ok = opened(
      await connect(`${b.url}/?token=${b.token}`, { origin: 'http://127.0.0.1:5173', host: `localhost:${b.port}` }),
    );
    ok.socket.close();
  });

  it('without a configured list, accepts only loopback pages', async () => {
    const b = await bridge();
    expect(await connect(`${b.url}/?token=${b.token}`, { origin: 'http://promptly.example' })).toEqual({ status: 403 });
    opened(await connect(`${b.url}/?token=${b.token}`, { origin: 'http://localhost:4173' })).socket.close();
  });

  it('closes a connection that sends a frame over the cap (1009) and still answers normal calls', async () => {
    const b = await bridge();
    const { socket } = opened(await connect(`${b.url}/?token=${b.token}`));
    const answer = new Promise<unknown>((resolve) => socket.once('message', (d) => resolve(JSON.parse(String(d)))));
    socket.send(JSON.stringify({ id: 1, call: 'app.info', args: {} }));
    expect(await answer).toMatchObject({ id: 1, outcome: { ok: true } });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20));
    expect(await closed).toBe(1009);
  });
});
