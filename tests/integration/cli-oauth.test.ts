import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/cli';
import { providerProfile } from '../../src/main/auth/providers';
import { signIn } from '../../src/main/auth/signIn';
import { launchChromium } from '../support/browser';
import { browserSignIn, PUBLIC_CLIENT_ID, startOAuthMailWorld, type OAuthMailWorld } from '../support/mailworld-oauth';

let world: OAuthMailWorld;
let browser: Browser;
const dirs: string[] = [];

beforeAll(async () => {
  [world, browser] = await Promise.all([startOAuthMailWorld(), launchChromium()]);
});

afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await browser?.close();
  await world?.stop();
});

/** The CLI in-process on one data folder; `onErr` sees each stderr line as it is written. */
function cliOn(env: Record<string, string> = {}, onErr: (line: string) => void = () => undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'promptly-cli-oauth-'));
  dirs.push(dir);
  const printed: string[] = [];
  return {
    dir,
    printed,
    run: async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--data-dir', dir, ...args], {
        out: (l) => out.push(l),
        err: (l) => (err.push(l), onErr(l)),
        env,
        now: () => Date.now(),
      });
      printed.push(...out, ...err);
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
  };
}

/** The servers of the test world, as `account set` flags. */
function serverFlags(): string[] {
  const { imap, smtp } = world.mail;
  return [
    ...['--imap-host', imap.host, '--imap-port', String(imap.port), '--imap-tls', 'none'],
    ...['--smtp-host', smtp.host, '--smtp-port', String(smtp.port), '--smtp-tls', 'none'],
  ];
}

/** Every byte of every file in the folder, as latin1 text to search. */
function folderBytes(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('CLI: account set --auth oauth2', () => {
  it('prints the sign-in page, waits for the browser, saves the mailbox, and sync brings its mail', async () => {
    const mailbox = await world.mail.createMailbox('clidesk');
    await world.mail.deliverMail({
      from: 'Ann <ann@customer.example>',
      to: mailbox.address,
      subject: 'Lost key',
      text: 'Which drawer?',
    });
    // The person: reads the printed link and signs in with a browser on the same machine.
    const visit = browserSignIn(browser, mailbox.address);
    const visits: Promise<void>[] = [];
    const cli = cliOn({}, (line) => {
      const url = /^https?:\/\/\S+$/m.exec(line)?.[0];
      if (url) visits.push(visit(url));
    });

    const set = await cli.run([
      'account',
      'set',
      '--auth',
      'oauth2',
      '--provider',
      world.auth.issuer,
      '--address',
      mailbox.address,
      ...serverFlags(),
    ]);
    await Promise.all(visits);
    expect(set).toMatchObject({
      code: 0,
      out: `Signed in as ${mailbox.address}; both servers accepted the sign-in.\nSaved.`,
    });
    expect(set.err).toMatch(/open this page to sign in/);
    expect(visits).toHaveLength(1);

    expect(await cli.run(['sync', '--once'])).toMatchObject({ code: 0 });
    expect((await cli.run(['threads'])).out).toContain('Lost key');
    expect(await cli.run(['account', 'test'])).toMatchObject({ code: 0 });
  });

  it('--sign-in-as: a teammate signs in as themselves and the shared mailbox is saved and synced', async () => {
    const shared = await world.mail.createMailbox('clishared');
    const alice = `alice-cli-${Date.now()}@staff.test`;
    world.grantAccess(shared.address, alice);
    await world.mail.deliverMail({
      from: 'Ann <ann@customer.example>',
      to: shared.address,
      subject: 'Spare key',
      text: '?',
    });
    // The person signs in at the provider as the address the link suggests (the login hint).
    const visits: Promise<void>[] = [];
    const hints: string[] = [];
    const cli = cliOn({}, (line) => {
      const url = /^https?:\/\/\S+$/m.exec(line)?.[0];
      if (!url) return;
      const hint = new URL(url).searchParams.get('login_hint') ?? '';
      hints.push(hint);
      visits.push(browserSignIn(browser, hint)(url));
    });
    const set = await cli.run([
      ...['account', 'set', '--auth', 'oauth2', '--provider', world.auth.issuer],
      ...['--address', shared.address, '--sign-in-as', alice, ...serverFlags()],
    ]);
    await Promise.all(visits);
    expect(hints).toEqual([alice]);
    expect(set).toMatchObject({ code: 0, out: expect.stringContaining(`Signed in as ${shared.address}`) });
    expect(await cli.run(['sync', '--once'])).toMatchObject({ code: 0 });
    expect((await cli.run(['threads'])).out).toContain('Spare key');
  });

  it('says what --provider takes, and that Microsoft needs a client ID when none is set up', async () => {
    const cli = cliOn();
    const none = await cli.run(['account', 'set', '--auth', 'oauth2', '--address', 'desk@example.com']);
    expect(none).toMatchObject({ code: 2, err: expect.stringMatching(/--provider microsoft, google, or the address/) });
    const bad = await cli.run(['account', 'set', '--auth', 'tokens', '--address', 'desk@example.com']);
    expect(bad).toMatchObject({ code: 2, err: 'promptly: --auth is password (the default) or oauth2.' });
    const microsoft = await cli.run([
      'account',
      'set',
      '--auth',
      'oauth2',
      '--provider',
      'microsoft',
      '--address',
      'desk@example.com',
    ]);
    expect(microsoft.code).toBe(1);
    expect(microsoft.err).toMatch(/No Microsoft client ID is set up .*PROMPTLY_MICROSOFT_CLIENT_ID/s);
  });

  it('--oauth-token-env takes a ready access token, never stores it, and says it is not refreshed once refused', async () => {
    const mailbox = await world.mail.createMailbox('scripted');
    await world.mail.deliverMail({
      from: 'Bo <bo@customer.example>',
      to: mailbox.address,
      subject: 'Broken hinge',
      text: 'Left door.',
    });
    const { accessToken } = await signIn(
      providerProfile(world.auth.issuer),
      { clientId: PUBLIC_CLIENT_ID },
      { openUrl: browserSignIn(browser, mailbox.address), now: Date.now },
      { loginHint: mailbox.address },
    );
    const cli = cliOn({ PROMPTLY_TOKEN: accessToken });
    const flags = ['--auth', 'oauth2', '--provider', world.auth.issuer, '--address', mailbox.address];

    const set = await cli.run(['account', 'set', ...flags, '--oauth-token-env', 'PROMPTLY_TOKEN', ...serverFlags()]);
    expect(set.code).toBe(0);
    expect(set.err).toBe(
      'promptly: signed in with the access token in PROMPTLY_TOKEN. It is not refreshed: when it expires, set a fresh one.',
    );
    expect(await cli.run(['sync', '--once', '--oauth-token-env', 'PROMPTLY_TOKEN'])).toMatchObject({ code: 0 });
    expect((await cli.run(['threads'])).out).toContain('Broken hinge');

    // The provider ends the grant: the token stops working, and the error says why it cannot renew.
    world.auth.signOut(mailbox.address);
    const refused = await cli.run(['sync', '--once', '--oauth-token-env', 'PROMPTLY_TOKEN']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Tokens from the environment are not refreshed: set a fresh one/);

    expect(folderBytes(cli.dir)).toContain('Broken hinge'); // the search sees the synced mail
    expect(folderBytes(cli.dir)).not.toContain(accessToken);
    expect(cli.printed.join('\n')).not.toContain(accessToken);
  });
});
