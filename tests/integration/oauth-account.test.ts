import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../src/shared/errors';
import { refreshTokenRef } from '../../src/main/auth/mailLogins';
import { RotatingLog } from '../../src/main/shell/log';
import { formatDiagnostics } from '../../src/main/shell/diagnostics';
import { launchChromium } from '../support/browser';
import { startOAuthMailWorld, type OAuthMailWorld } from '../support/mailworld-oauth';
import { signInAt, startOAuthEngine, type OAuthEngine } from '../support/oauth-engine';

let world: OAuthMailWorld;
let browser: Browser;
const engines: OAuthEngine[] = [];

beforeAll(async () => {
  [world, browser] = await Promise.all([startOAuthMailWorld(), launchChromium()]);
});

afterEach(async () => {
  world.auth.setAccessTokenTtl(3600);
  for (const engine of engines.splice(0)) await engine.close();
});

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

/** Polls an async check until it holds (the engine syncs and sends in the background). */
async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  /** What the engine shows, for the failure message. */
  state: () => Promise<unknown> = async () => null,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; the engine shows ${JSON.stringify(await state())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function setUp(): Promise<{ engine: OAuthEngine; address: string }> {
  const mailbox = await world.mail.createMailbox();
  const engine = startOAuthEngine(world, browser, mailbox);
  engines.push(engine);
  await signInAt(world, engine, mailbox);
  return { engine, address: mailbox.address };
}

const subjects = async (engine: OAuthEngine): Promise<string[]> =>
  (await engine.service.call('threads.list', { limit: 50 })).map((t) => t.subject);

/** A customer writes in (from a real mailbox of the world, so that replies can reach her). */
async function customerMail(address: string, subject: string): Promise<{ messageId: string }> {
  const carla = await world.mail.createMailbox('carla', 'customer.test');
  return world.mail.deliverMail({ from: `Carla <${carla.address}>`, to: address, subject, text: `About ${subject}.` });
}

/** Every byte of every file in the folder, as latin1 text to search. */
function folderBytes(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('a mailbox connected with OAuth2', () => {
  it('signs in through the browser, syncs, sends, and keeps no token in the database', async () => {
    const { engine, address } = await setUp();
    expect((await engine.service.call('account.get', {}))?.auth).toEqual({
      kind: 'oauth2',
      provider: world.auth.issuer,
    });
    await customerMail(address, 'Broken bell');
    await eventually(async () => (await subjects(engine)).includes('Broken bell'), 'the mail to sync');
    const [thread] = await engine.service.call('threads.list', { limit: 1 });
    await engine.service.call('reply.send', { threadId: thread!.id, text: 'A new bell is on its way.' });
    engine.advance(11_000); // past the undo window
    const [sent] = await eventually(async () => {
      const found = await world.mail.smtpMessages({ from: address });
      return found.length > 0 ? found : null;
    }, 'the reply to go out over SMTP with XOAUTH2');
    expect(sent?.raw.toString()).toMatch(/A new bell is on its way/);

    const account = engine.service.requireAccount();
    const refreshToken = await engine.secrets.get(refreshTokenRef(address));
    const secret = await engine.service.logins.secretFor(account);
    const accessToken = 'tokens' in secret ? await secret.tokens.accessToken() : '';
    expect(refreshToken).toBeTruthy();
    expect(accessToken).toBeTruthy();
    await engine.service.stopLive();
    const stored = folderBytes(engine.dataDir);
    expect(stored).toContain('Broken bell'); // the search really reads the database files
    expect(stored).not.toContain(refreshToken);
    expect(stored).not.toContain(accessToken);
  });

  it('refreshes an access token that expires during live sync and misses nothing', async () => {
    const { engine, address } = await setUp();
    const shows = async (): Promise<unknown> => ({
      grants: world.auth.grants,
      live: await engine.service.call('sync.live', {}),
      subjects: await subjects(engine),
    });
    await customerMail(address, 'Before expiry');
    await eventually(async () => (await subjects(engine)).includes('Before expiry'), 'the first mail', shows);
    // Live sync is watching: the connection the server drops below is the one that hears about new mail.
    await eventually(async () => (await engine.service.call('sync.live', {})).push !== 'off', 'live sync', shows);
    const refreshes = world.auth.grants.filter((g) => g === 'refresh_token').length;
    // The token's hour passes on both clocks: the engine's, and the provider's (which no longer knows it).
    engine.advance(3_600_000);
    world.auth.expireAccessTokens(address);
    // The server drops the watching connection (a restart): live sync must come back with a new token.
    await world.kick(address);
    await customerMail(address, 'After expiry');
    await eventually(async () => (await subjects(engine)).includes('After expiry'), 'the mail after expiry', shows);
    expect(world.auth.grants.filter((g) => g === 'refresh_token').length).toBeGreaterThan(refreshes);
    const status = await engine.service.call('oauth.status', {});
    expect(status.signedOut).toBeNull();
  });

  it('pauses with a clear message when the provider signs the mailbox out, resumes after signing in again, and no token reaches the database, events, log or diagnostics', async () => {
    const { engine, address } = await setUp();
    const shows = async (): Promise<unknown> => ({
      subjects: await subjects(engine),
      outbox: (await engine.service.call('outbox.list', {})).map((i) => [i.state, i.error]),
      errors,
      live: await engine.service.call('sync.live', {}),
    });
    const errors: ErrorInfo[] = [];
    engine.service.events.on('sync.error', (error) => errors.push(error));
    // What leaves the engine: every event (the window, the bridge), and the desktop's log of sync errors.
    const logDir = mkdtempSync(join(tmpdir(), 'promptly-oauth-log-'));
    const log = new RotatingLog(logDir);
    const emitted: string[] = [];
    engine.service.events.onAny((event, payload) => emitted.push(`${event} ${JSON.stringify(payload)}`));
    engine.service.events.on('sync.error', (error) => log.error(`Sync: ${error.code}: ${error.message}`));
    await customerMail(address, 'Lost parcel');
    await eventually(async () => (await subjects(engine)).includes('Lost parcel'), 'the first mail');
    // Connected means live: the first pass done, the outbox running, a connection watching.
    await eventually(async () => (await engine.service.call('sync.live', {})).connections > 0, 'live sync', shows);
    const [thread] = await engine.service.call('threads.list', { limit: 1 });
    const tokens = [await engine.secrets.get(refreshTokenRef(address)), await accessTokenOf(engine)];

    // A password change at the provider: its tokens die and the server drops the open sessions.
    world.auth.signOut(address);
    await world.kick(address);
    const expected = `${new URL(world.auth.issuer).host} signed you out of ${address}. Sync is paused until you sign in again.`;
    // A pass already running when the server dropped the session ends with "connection lost"; the next
    // pass signs in again and must be refused in words.
    const refusal = await eventually(
      async () => {
        try {
          await engine.service.syncNow();
          return null;
        } catch (error) {
          return error instanceof Error && error.message.includes('signed you out') ? error.message : null;
        }
      },
      'the provider to refuse the sign-in',
      shows,
    );
    expect(refusal).toBe(expected);
    expect(errors).toContainEqual({ code: 'signed-out', message: expected });
    expect((await engine.service.call('oauth.status', {})).signedOut).toBe(expected);

    const queued = await engine.service.call('reply.send', { threadId: thread!.id, text: 'Found it, sending now.' });
    if (!queued.ok) throw new Error('the reply collided');
    engine.advance(11_000);
    const waiting = await eventually(
      async () => {
        const item = (await engine.service.call('outbox.list', {})).find((i) => i.id === queued.item.id);
        return item?.state === 'failed' ? item : null;
      },
      'the reply to wait for the sign-in',
      shows,
    );
    expect(waiting.error).toEqual({ code: 'signed-out', message: `${expected} The reply waits in the outbox.` });
    await customerMail(address, 'While signed out');
    expect(await world.mail.smtpMessages({ from: address })).toEqual([]);

    await signInAt(world, engine, { address, user: address, password: '' });
    expect((await engine.service.call('oauth.status', {})).signedOut).toBeNull();
    await eventually(async () => (await subjects(engine)).includes('While signed out'), 'sync to resume', shows);
    const [sent] = await eventually(
      async () => {
        const found = await world.mail.smtpMessages({ from: address });
        return found.length > 0 ? found : null;
      },
      'the waiting reply to go out',
      shows,
    );
    expect(sent?.raw.toString()).toMatch(/Found it, sending now/);

    // No token, old or new, in the database, the events, the log or the diagnostics.
    tokens.push(await engine.secrets.get(refreshTokenRef(address)), await accessTokenOf(engine));
    const diagnostics = formatDiagnostics({
      version: 'test',
      runtime: {},
      platform: 'linux',
      arch: 'x64',
      osRelease: '',
      mode: 'account',
      folders: await engine.service.call('sync.status', {}),
      recentErrors: log.recentErrors(),
      now: Date.now(),
    });
    await engine.service.stopLive();
    const everything = [folderBytes(engine.dataDir), emitted.join('\n'), folderBytes(logDir), diagnostics].join('\n');
    expect(everything).toContain('signed you out of'); // the search sees the messages that were shown and logged
    expect(everything).toContain('Lost parcel');
    for (const token of tokens) {
      expect(token).toBeTruthy();
      expect(everything).not.toContain(token);
    }
    rmSync(logDir, { recursive: true, force: true });
  });

  it('signed out already when it starts: a reply written then waits in the outbox and goes out once after signing in', async () => {
    const { engine, address } = await setUp();
    await customerMail(address, 'Broken lock');
    await eventually(async () => (await subjects(engine)).includes('Broken lock'), 'the first mail');
    await eventually(async () => (await engine.service.call('sync.live', {})).connections > 0, 'live sync');
    const [thread] = await engine.service.call('threads.list', { limit: 1 });
    await engine.service.stopLive(); // the app quits

    // Meanwhile a password change at the provider; the app starts again.
    world.auth.signOut(address);
    await expect(engine.service.startLive()).rejects.toThrow('signed you out of');
    const queued = await engine.service.call('reply.send', { threadId: thread!.id, text: 'A locksmith comes at 9.' });
    if (!queued.ok) throw new Error('the reply collided');
    engine.advance(11_000); // past the undo window
    const waiting = await eventually(async () => {
      const item = (await engine.service.call('outbox.list', {})).find((i) => i.id === queued.item.id);
      return item?.state === 'failed' ? item : null;
    }, 'the reply to wait for the sign-in');
    expect(waiting.error?.code).toBe('signed-out');

    await signInAt(world, engine, { address, user: address, password: '' });
    await eventually(async () => {
      const item = (await engine.service.call('outbox.list', {})).find((i) => i.id === queued.item.id);
      return item?.state === 'filed';
    }, 'the waiting reply to be sent and filed');
    const sent = await world.mail.smtpMessages({ from: address });
    expect(sent.filter((m) => m.raw.toString().includes('A locksmith comes at 9.'))).toHaveLength(1);
  });
});

/** The access token the engine signs in with now. */
async function accessTokenOf(engine: OAuthEngine): Promise<string> {
  const secret = await engine.service.logins.secretFor(engine.service.requireAccount());
  return 'tokens' in secret ? secret.tokens.accessToken() : '';
}
