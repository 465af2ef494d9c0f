/**
 * A loopback TCP proxy for fault injection: put it in front of Dovecot's IMAP port, point an
 * engine at `proxy.port`, and cut the connections abruptly (TCP RST) at a chosen moment.
 * Nothing about IMAP is mocked; the bytes pass through unchanged until the cut.
 * After a cut the peer sees ECONNRESET, or (Linux, when it still had unread data) a bare end
 * of stream in the middle of a response; either way the session is gone without a goodbye.
 */
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySecretStore } from '../../src/main/secrets';
import { PromptlyService } from '../../src/main/service/service';
import { openDb, type Db } from '../../src/main/store/db';
import { accountFor } from './engine';
import type { MailWorldClient, Mailbox } from './mailworld';

/** Where the proxy forwards to. */
export interface ProxyTarget {
  host: string;
  port: number;
}

/** Counters, live. "down" is server → client, "up" is client → server. */
export interface ProxyStats {
  /** Connections accepted so far. */
  connections: number;
  /** Connections currently open. */
  live: number;
  /** The most connections open at once. */
  peakLive: number;
  bytesDown: number;
  bytesUp: number;
  /** Times a cut fired (one cut may drop several connections). */
  cuts: number;
  /** Connections dropped by cuts. */
  connectionsCut: number;
  /** Bytes sent down each connection, in the order they were accepted (closed ones too). */
  downByConnection: number[];
}

/** A running proxy. */
export interface TcpProxy {
  port: number;
  stats: ProxyStats;
  /** Resets every live connection now. */
  cutAll(): void;
  /** The open connections, oldest first: bytes sent down each so far, and a reset of that one alone. */
  liveConnections(): Array<{ bytesDown: number; cut(): void }>;
  /**
   * Arms a one-shot cut: once `n` more bytes have flowed server → client (summed over all
   * connections), forwards exactly up to that byte and resets every live connection.
   * Replaces a cut armed before.
   */
  cutAfterBytes(n: number): void;
  /** Cancels an armed cut that has not fired. Returns true if one was pending. */
  disarm(): boolean;
  /**
   * Stops passing the server's bytes on (they wait in the proxy) until `release`: the client
   * sees a server that went quiet part-way through a response, connections stay open.
   */
  hold(): void;
  /** Passes on what `hold` kept back, and everything after it. */
  release(): void;
  /** Stops listening and resets every connection. */
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  server: net.Socket;
  bytesDown: number;
  /** Its place in stats.downByConnection. */
  index: number;
}

const HOST = '127.0.0.1';

/** Starts a proxy on a free loopback port in front of `target`. */
export async function startProxy(target: ProxyTarget): Promise<TcpProxy> {
  const stats: ProxyStats = {
    connections: 0,
    live: 0,
    peakLive: 0,
    bytesDown: 0,
    bytesUp: 0,
    cuts: 0,
    connectionsCut: 0,
    downByConnection: [],
  };
  const pairs = new Set<Pair>();
  /** Bytes still allowed down before the armed cut fires; null when nothing is armed. */
  let budget: number | null = null;
  /** While true no server → client bytes move (`hold`). */
  let held = false;

  /** Forgets a pair; `hard` resets both sockets, otherwise the survivor gets a graceful FIN. */
  const drop = (pair: Pair, hard: boolean): void => {
    if (!pairs.delete(pair)) return;
    stats.live -= 1;
    for (const socket of [pair.client, pair.server]) {
      if (socket.destroyed) continue;
      if (!hard) socket.end();
      // resetAndDestroy() needs a connected TCP handle; a socket still connecting is just destroyed.
      else if (socket.readyState === 'opening') socket.destroy();
      else socket.resetAndDestroy();
    }
  };

  const cutAll = (): void => {
    budget = null;
    stats.cuts += 1;
    for (const pair of [...pairs]) {
      stats.connectionsCut += 1;
      drop(pair, true);
    }
  };

  /** Forwards one server → client chunk, honouring an armed cut. */
  const forwardDown = (pair: Pair, chunk: Buffer): void => {
    if (budget !== null && chunk.length >= budget) {
      const head = chunk.subarray(0, budget);
      stats.bytesDown += head.length;
      pair.bytesDown += head.length;
      stats.downByConnection[pair.index] = pair.bytesDown;
      if (head.length > 0) pair.client.write(head);
      cutAll();
      return;
    }
    if (budget !== null) budget -= chunk.length;
    stats.bytesDown += chunk.length;
    pair.bytesDown += chunk.length;
    stats.downByConnection[pair.index] = pair.bytesDown;
    if (!pair.client.write(chunk)) pair.server.pause();
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair: Pair = { client, server: upstream, bytesDown: 0, index: stats.downByConnection.push(0) - 1 };
    pairs.add(pair);
    stats.connections += 1;
    stats.live += 1;
    stats.peakLive = Math.max(stats.peakLive, stats.live);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    upstream.on('data', (chunk: Buffer) => forwardDown(pair, chunk));
    client.on('data', (chunk: Buffer) => {
      stats.bytesUp += chunk.length;
      if (!upstream.write(chunk)) client.pause();
    });
    if (held) upstream.pause();
    client.on('drain', () => {
      if (!held) upstream.resume();
    });
    upstream.on('drain', () => client.resume());
    // A reset on one side is passed on as a reset, a close as a close; errors are expected after a cut.
    for (const socket of [client, upstream]) {
      socket.on('error', () => drop(pair, true));
      socket.on('close', () => drop(pair, false));
    }
    upstream.on('end', () => client.end());
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, HOST, resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    stats,
    cutAll,
    liveConnections: () =>
      [...pairs].map((pair) => ({
        bytesDown: pair.bytesDown,
        cut: () => {
          stats.cuts += 1;
          stats.connectionsCut += 1;
          drop(pair, true);
        },
      })),
    cutAfterBytes(n: number): void {
      if (!Number.isInteger(n) || n < 0) throw new Error(`cutAfterBytes needs a byte count, got ${n}`);
      budget = n;
    },
    hold(): void {
      held = true;
      for (const pair of pairs) pair.server.pause();
    },
    release(): void {
      held = false;
      for (const pair of pairs) pair.server.resume();
    },
    disarm(): boolean {
      const pending = budget !== null;
      budget = null;
      return pending;
    },
    async close(): Promise<void> {
      budget = null;
      for (const pair of [...pairs]) drop(pair, true);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A teammate's engine like `startEngine`, except that all its IMAP traffic, the account
 * check at save time included, goes through `proxy`.
 */
export async function startProxiedEngine(
  world: MailWorldClient,
  mailbox: Mailbox,
  proxy: TcpProxy,
  options: { largeMessageBytes?: number } = {},
): Promise<{ service: PromptlyService; db: Db; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'promptly-proxied-'));
  const db = openDb(join(dataDir, 'promptly.sqlite'));
  const service = new PromptlyService({
    db,
    secrets: new MemorySecretStore(),
    now: () => Date.now(),
    version: 'test',
    dataDir,
    ...options,
  });
  const input = accountFor(world, mailbox);
  const report = await service.saveAccount({ ...input, imap: { ...input.imap, port: proxy.port } });
  if (!report.ok) throw new Error(`proxied account refused: ${report.imap.message} / ${report.smtp.message}`);
  return { service, db, dataDir };
}
