/**
 * A real DNS server for autoconfig tests: dnsmasq on a loopback port, answering MX, SRV and
 * A records for names under `.test` (RFC 2606) from a config written per server. Everything
 * else under `.test` gets an authoritative "no such name". Point discovery at it with
 * `resolverDns([server.address])`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resolver } from 'node:dns/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureDnsmasq } from './ensure-packages';

/** Records to serve; every name must end in `.test`. */
export interface DnsRecords {
  mx?: Array<{ domain: string; host: string; preference: number }>;
  srv?: Array<{ name: string; target: string; port: number; priority?: number; weight?: number }>;
  a?: Array<{ host: string; address: string }>;
}

/** A running DNS server: `address` is `127.0.0.1:PORT` for Resolver#setServers. */
export interface DnsServer {
  address: string;
  stop(): Promise<void>;
}

/** A name that always resolves, to know when dnsmasq is answering. */
const READY_NAME = 'ready.promptly.test';

function config(port: number, records: DnsRecords): string {
  return [
    `port=${port}`,
    'listen-address=127.0.0.1',
    'bind-interfaces',
    'no-resolv',
    'no-hosts',
    'no-poll',
    'pid-file=',
    'local=/test/',
    `host-record=${READY_NAME},127.0.0.1`,
    ...(records.mx ?? []).map((r) => `mx-host=${r.domain},${r.host},${r.preference}`),
    ...(records.srv ?? []).map((r) => `srv-host=${r.name},${r.target},${r.port},${r.priority ?? 0},${r.weight ?? 0}`),
    ...(records.a ?? []).map((r) => `host-record=${r.host},${r.address}`),
    '',
  ].join('\n');
}

/** A UDP port on loopback that was free a moment ago. */
async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * Waits until dnsmasq answers (or exits). A query before it has bound its port is refused at
 * once, so the wait is by the clock, with a pause between queries: a slow start on a busy
 * machine is waited for, not mistaken for a failure.
 */
async function answering(address: string, child: ChildProcess): Promise<boolean> {
  const resolver = new Resolver({ timeout: 500, tries: 1 });
  resolver.setServers([address]);
  const deadline = Date.now() + 20_000;
  while (child.exitCode === null && Date.now() < deadline) {
    try {
      if ((await resolver.resolve4(READY_NAME)).length > 0) return true;
    } catch {
      await delay(50); // not listening yet
    }
  }
  return false;
}

/** Starts dnsmasq with these records (installing it first on a clean Debian machine). */
export async function startDnsServer(records: DnsRecords): Promise<DnsServer> {
  const dnsmasq = await ensureDnsmasq();
  const dir = await mkdtemp(join(tmpdir(), 'promptly-dns-'));
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freeUdpPort();
    const file = join(dir, 'dnsmasq.conf');
    await writeFile(file, config(port, records));
    const child = spawn(dnsmasq, ['--keep-in-foreground', `--conf-file=${file}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (lastError += chunk.toString()));
    const address = `127.0.0.1:${port}`;
    if (await answering(address, child)) {
      return {
        address,
        stop: async () => {
          if (child.exitCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGTERM');
            await exited;
          }
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`dnsmasq did not start: ${lastError.trim()}`);
}

/** A DNS server that receives queries and never answers: the "hangs" case of the time-outs. */
export async function startSilentDnsServer(): Promise<{
  address: string;
  queried: Promise<void>;
  stop(): Promise<void>;
}> {
  const socket: Socket = createSocket('udp4');
  const queried = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    queried,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
