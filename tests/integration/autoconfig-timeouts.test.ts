import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discoverMailSettings,
  discoveryDeps,
  DISCOVERY_TIMEOUTS,
  type DiscoveryDeps,
} from '../../src/main/mail/autoconfig/discover';
import { resolverDns } from '../../src/main/mail/autoconfig/net';
import {
  autoconfigXml,
  manualClock,
  startAutoconfigHttp,
  type AutoconfigHttp,
  type ManualClock,
} from '../support/autoconfig-world';
import { startDnsServer, startSilentDnsServer, type DnsServer } from '../support/dns-server';

// Each source that never answers is abandoned at its time-out and the next one is tried. The
// clock is manual: a time-out fires when the test moves the clock, right after the hanging
// server received the request, so a busy machine cannot change the outcome.
const XML = autoconfigXml('slow.test', [
  { type: 'imap', hostname: 'imap.slow.test', port: 993, socketType: 'SSL' },
  { type: 'smtp', hostname: 'smtp.slow.test', port: 465, socketType: 'SSL' },
]);

let dns: DnsServer;
let http: AutoconfigHttp;

/** A mail server that accepts connections and never greets; one per test, so no late connection of another test counts. */
async function startMuteServer(): Promise<{ port: number; connected: Promise<net.Socket>; stop(): Promise<void> }> {
  const sockets: net.Socket[] = [];
  let first: (socket: net.Socket) => void = () => undefined;
  const connected = new Promise<net.Socket>((resolve) => (first = resolve));
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.resume(); // read (and drop) what arrives, so that the other side's close is seen
    first(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connected,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

beforeAll(async () => {
  dns = await startDnsServer({
    srv: [
      { name: '_imaps._tcp.hang.test', target: 'imap.hang.test', port: 993 },
      { name: '_submissions._tcp.hang.test', target: 'smtp.hang.test', port: 465 },
    ],
    a: [
      { host: 'imap.slowsrv.test', address: '127.0.0.1' },
      { host: 'smtp.slowsrv.test', address: '127.0.0.1' },
    ],
  });
  http = await startAutoconfigHttp({
    'autoconfig.slow.test/mail/config-v1.1.xml': XML,
    'autoconfig.slowsrv.test/mail/config-v1.1.xml': 404,
    'autoconfig.hang.test/mail/config-v1.1.xml': 'hang',
  });
});

afterAll(async () => {
  await http?.stop();
  await dns?.stop();
});

/** Discovery against the local servers; the guess connects to `port` (by default 9, where nothing listens). */
function deps(clock: ManualClock, overrides: Partial<DiscoveryDeps> = {}, port = 9): DiscoveryDeps {
  return discoveryDeps({
    dns: resolverDns([dns.address]),
    xmlUrls: http.urlsFor,
    now: clock.now,
    timer: clock.timer,
    guessPorts: { imap: [{ port, tls: 'none' }], smtp: [{ port, tls: 'none' }] },
    ...overrides,
  });
}

describe('mail settings discovery: time-outs', () => {
  it('an MX lookup that hangs is abandoned after its time-out, then autoconfig XML answers', async () => {
    const clock = manualClock();
    const silent = await startSilentDnsServer();
    try {
      const dnsDeps = resolverDns([dns.address]);
      const hangingMx = { ...dnsDeps, resolveMx: resolverDns([silent.address]).resolveMx };
      const pending = discoverMailSettings('desk@slow.test', deps(clock, { dns: hangingMx }));
      await silent.queried;
      clock.advance(DISCOVERY_TIMEOUTS.mx);
      const result = await pending;
      expect(result.source).toBe('autoconfig-xml');
      expect(result.tried).toEqual([
        { source: 'preset', outcome: 'no built-in preset for slow.test', ms: 0 },
        { source: 'mx-preset', outcome: 'timed out after 3 s', ms: 3_000 },
        { source: 'autoconfig-xml', outcome: 'found', ms: 0 },
      ]);
      expect(clock.pending()).toBe(0);
    } finally {
      await silent.stop();
    }
  });

  it('an autoconfig server that never answers is abandoned (its connection closed), then SRV answers', async () => {
    const clock = manualClock();
    const pending = discoverMailSettings('desk@hang.test', deps(clock));
    const hung = await http.hung;
    expect(hung.path).toBe('/autoconfig.hang.test/mail/config-v1.1.xml?emailaddress=desk%40hang.test');
    clock.advance(DISCOVERY_TIMEOUTS.xml);
    const result = await pending;
    expect(result).toMatchObject({ source: 'dns-srv', settings: { imapHost: 'imap.hang.test' } });
    expect(result.tried.find((t) => t.source === 'autoconfig-xml')).toEqual({
      source: 'autoconfig-xml',
      outcome: 'timed out after 5 s',
      ms: 5_000,
    });
    await hung.closed;
  });

  it('SRV lookups that hang are abandoned, then the guess is tried', async () => {
    const clock = manualClock();
    const silent = await startSilentDnsServer();
    const mute = await startMuteServer();
    try {
      const hangingSrv = { ...resolverDns([dns.address]), resolveSrv: resolverDns([silent.address]).resolveSrv };
      const pending = discoverMailSettings('desk@slowsrv.test', deps(clock, { dns: hangingSrv }, mute.port));
      await silent.queried;
      clock.advance(DISCOVERY_TIMEOUTS.srv);
      await mute.connected;
      clock.advance(DISCOVERY_TIMEOUTS.guess);
      const result = await pending;
      expect(result.source).toBe('none');
      expect(result.tried.slice(-2)).toEqual([
        { source: 'dns-srv', outcome: 'timed out after 3 s', ms: 3_000 },
        { source: 'guess', outcome: 'timed out after 6 s', ms: 6_000 },
      ]);
    } finally {
      await mute.stop();
      await silent.stop();
    }
  });

  it('a server that accepts and never greets is dropped when the guess times out', async () => {
    const clock = manualClock();
    const mute = await startMuteServer();
    try {
      const pending = discoverMailSettings('desk@slowsrv.test', deps(clock, {}, mute.port));
      const socket = await mute.connected;
      clock.advance(DISCOVERY_TIMEOUTS.guess);
      const result = await pending;
      expect(result.source).toBe('none');
      expect(result.tried.at(-1)).toEqual({ source: 'guess', outcome: 'timed out after 6 s', ms: 6_000 });
      await new Promise((resolve) => (socket.closed ? resolve(null) : socket.once('close', resolve)));
    } finally {
      await mute.stop();
    }
  });

  it('a server that agrees to STARTTLS and then never shakes hands is dropped at the time-out', async () => {
    const clock = manualClock();
    let upgraded: (socket: net.Socket) => void = () => undefined;
    const waitingForHandshake = new Promise<net.Socket>((resolve) => (upgraded = resolve));
    // Speaks just enough IMAP to reach STARTTLS, then stays silent while the client waits for the TLS handshake.
    const server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('* OK [CAPABILITY IMAP4rev1 STARTTLS] stalls.test ready\r\n');
      socket.on('data', (chunk: Buffer) => {
        const [tag, command] = chunk.toString().trim().split(' ');
        if (command === 'CAPABILITY') socket.write(`* CAPABILITY IMAP4rev1 STARTTLS\r\n${tag} OK done\r\n`);
        if (command === 'STARTTLS') {
          socket.write(`${tag} OK Begin TLS negotiation now\r\n`);
          upgraded(socket);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const pending = discoverMailSettings(
        'desk@slowsrv.test',
        deps(clock, { guessPorts: { imap: [{ port, tls: 'starttls' }], smtp: [{ port: 9, tls: 'starttls' }] } }),
      );
      const socket = await waitingForHandshake;
      clock.advance(DISCOVERY_TIMEOUTS.guess);
      const result = await pending;
      expect(result.tried.at(-1)).toEqual({ source: 'guess', outcome: 'timed out after 6 s', ms: 6_000 });
      await new Promise((resolve) => (socket.closed ? resolve(null) : socket.once('close', resolve)));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('on the real clock, a hanging source is abandoned after its time-out', async () => {
    const silent = await startSilentDnsServer();
    try {
      const hangingMx = { ...resolverDns([dns.address]), resolveMx: resolverDns([silent.address]).resolveMx };
      const result = await discoverMailSettings(
        'desk@slow.test',
        discoveryDeps({
          dns: hangingMx,
          xmlUrls: http.urlsFor,
          timeouts: { ...DISCOVERY_TIMEOUTS, mx: 150 },
        }),
      );
      expect(result.source).toBe('autoconfig-xml');
      const mx = result.tried.find((t) => t.source === 'mx-preset');
      expect(mx?.outcome).toBe('timed out after 0.2 s');
      expect(mx?.ms).toBeGreaterThanOrEqual(150);
    } finally {
      await silent.stop();
    }
  });
});
