import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountFor, mailWorld, otherClient, waitFor } from '../support/engine';
import { MemorySecretStore } from '../../src/main/secrets';
import { openAppService } from '../../src/main/service/startup';
import { databaseFile } from '../../src/main/paths';
import type { PromptlyService } from '../../src/main/service/service';
import type { ConnectionState } from '../../src/shared/connection';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A loopback port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The IMAP server "comes back": a plain TCP forwarder on `port` to the real Dovecot. */
async function forward(port: number, to: { host: string; port: number }): Promise<() => Promise<void>> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(to.port, to.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => server.close(resolve));
  };
}

/** The app over an empty data folder, started as the desktop starts it. */
function appService(): {
  service: PromptlyService;
  dataDir: string;
  secrets: MemorySecretStore;
  states: ConnectionState[];
} {
  const dataDir = mkdtempSync(join(tmpdir(), 'promptly-save-later-'));
  const secrets = new MemorySecretStore();
  const service = openAppService({ secrets, now: Date.now, version: 'test', dataDir });
  const states: ConnectionState[] = [];
  service.events.on('connection.changed', (s) => states.push(s));
  service.startApp();
  cleanups.push(async () => {
    await service.stopLive();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { service, dataDir, secrets, states };
}

describe('setting up while the server is unreachable (real Dovecot and SMTP)', () => {
  it('nothing is saved on Connect; "save and connect later" keeps trying with backoff, says why, and goes live once the server answers', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    await world.deliverMail({
      from: 'Kim <kim@customer.example>',
      to: support.address,
      subject: 'Waiting for you',
      text: 'Hi',
    });
    const port = await freePort();
    const input = { ...accountFor(world, support), imap: { ...accountFor(world, support).imap, port } };
    const { service, states } = appService();
    expect((await service.call('app.info', {})).mode).toBe('setup');

    const report = await service.call('account.save', input);
    expect(report.ok).toBe(false);
    expect(report.imap.code).toBe('connection-refused');
    expect((await service.call('app.info', {})).mode).toBe('setup'); // nothing was saved

    const info = await service.call('account.saveLater', input);
    expect(info.mode).toBe('account');
    await waitFor(() => service.connection().state === 'retrying', 15_000, 'the first failed attempt');
    const retrying = service.connection();
    if (retrying.state !== 'retrying') throw new Error('unreachable');
    expect(retrying.message).toMatch(new RegExp(`Nothing answered on 127.0.0.1:${port}`));
    expect(retrying.attempt).toBe(1);
    expect(retrying.nextAttemptAt - Date.now()).toBeGreaterThan(1_000); // backs off, does not spin
    expect(states.map((s) => s.state)).toContain('connecting');

    cleanups.push(await forward(port, world.info.imap));
    expect((await service.call('connection.retry', {})).state).toBe('connecting');
    await waitFor(() => service.connection().state === 'live', 20_000, 'the mailbox to go live');
    const threads = await service.call('threads.list', {});
    expect(threads.map((t) => t.subject)).toEqual(['Waiting for you']);

    // Live: new mail arrives without anyone asking for a sync.
    await world.deliverMail({
      from: 'Kim <kim@customer.example>',
      to: support.address,
      subject: 'Still there?',
      text: 'Hi',
    });
    await waitFor(
      () => service.db.prepare("SELECT 1 FROM threads WHERE subject = 'Still there?'").get() !== undefined,
      10_000,
      'new mail to arrive by push',
    );
  }, 60_000);

  it('Remove forgets the mailbox on this computer only: local mail, password and cache go, the server keeps its mail', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    await world.deliverMail({
      from: 'Kim <kim@customer.example>',
      to: support.address,
      subject: 'Keep me',
      text: 'Hi',
    });
    const { service, dataDir, secrets } = appService();
    expect((await service.call('account.save', accountFor(world, support))).ok).toBe(true);
    await waitFor(() => service.connection().state === 'live', 20_000, 'the mailbox to go live');
    expect((await service.call('threads.list', {})).length).toBe(1);
    expect((await service.call('account.testSaved', {})).ok).toBe(true);

    // The demo can be opened with a mailbox connected, and left again to the live mailbox.
    expect((await service.call('app.openDemo', {})).mode).toBe('demo');
    expect(service.connection().state).toBe('none');
    expect((await service.call('app.openSetup', {})).mode).toBe('account');
    await waitFor(() => service.connection().state === 'live', 20_000, 'the mailbox to be live again');

    const after = await service.call('account.remove', {});
    expect(after).toMatchObject({ mode: 'setup', account: null });
    expect(await secrets.get(`account:${support.address}`)).toBeNull();
    expect(await service.call('threads.list', {})).toEqual([]);
    expect(existsSync(databaseFile(dataDir))).toBe(true); // a fresh, empty database for the next setup
    const client = await otherClient(world, support);
    const box = await client.mailboxOpen('INBOX');
    expect(box.exists).toBe(1);
    await client.logout();
  }, 60_000);
});
