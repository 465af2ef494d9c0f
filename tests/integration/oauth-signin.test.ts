import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerProfile } from '../../src/main/auth/providers';
import { signIn } from '../../src/main/auth/signIn';
import { OAuthTokens } from '../../src/main/auth/tokens';
import { MemorySecretStore } from '../../src/main/secrets';
import { connectImap } from '../../src/main/mail/imap/connect';
import { submitMessage } from '../../src/main/outbox/send';
import { launchChromium } from '../support/browser';
import { browserSignIn, PUBLIC_CLIENT_ID, startOAuthMailWorld, type OAuthMailWorld } from '../support/mailworld-oauth';

let world: OAuthMailWorld;
let browser: Browser;

beforeAll(async () => {
  [world, browser] = await Promise.all([startOAuthMailWorld(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('signing in with an OAuth2 issuer', () => {
  it('runs the browser flow with PKCE and a loopback redirect, then opens IMAP and SMTP with the token', async () => {
    const mailbox = await world.mail.createMailbox();
    const profile = providerProfile(world.auth.issuer);
    const opened: string[] = [];
    const signedIn = await signIn(
      profile,
      { clientId: PUBLIC_CLIENT_ID },
      { openUrl: browserSignIn(browser, mailbox.address, { shots: 'oauth-issuer' }), now: Date.now },
      { loginHint: mailbox.address, onUrl: (url) => opened.push(url) },
    );
    const url = new URL(opened[0] ?? '');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(signedIn.email).toBe(mailbox.address);
    expect(signedIn.refreshToken).toBeTruthy();

    const secrets = new MemorySecretStore();
    await secrets.set('refresh', signedIn.refreshToken ?? '');
    const tokens = new OAuthTokens({
      profile,
      client: { clientId: PUBLIC_CLIENT_ID },
      secrets,
      refreshRef: 'refresh',
      address: mailbox.address,
      now: Date.now,
    });
    tokens.seed(signedIn);
    const imap = await connectImap({ ...world.mail.imap, tls: 'none', user: mailbox.user, tokens });
    expect(imap.authenticated).toBeTruthy();
    await imap.logout();

    const raw = Buffer.from(
      `From: ${mailbox.address}\r\nTo: ${mailbox.address}\r\nSubject: token\r\n\r\nsent with XOAUTH2\r\n`,
    );
    const sent = await submitMessage(
      { ...world.mail.smtp, tls: 'none', user: mailbox.user, tokens },
      { from: mailbox.address, to: [mailbox.address] },
      raw,
    );
    expect(sent.response).toMatch(/^250/);
  });

  it('fetches a fresh token when the server refuses one the app still thought good', async () => {
    const mailbox = await world.mail.createMailbox();
    const profile = providerProfile(world.auth.issuer);
    const signedIn = await signIn(
      profile,
      { clientId: PUBLIC_CLIENT_ID },
      { openUrl: browserSignIn(browser, mailbox.address), now: Date.now },
    );
    const secrets = new MemorySecretStore();
    await secrets.set('refresh', signedIn.refreshToken ?? '');
    const tokens = new OAuthTokens({
      profile,
      client: { clientId: PUBLIC_CLIENT_ID },
      secrets,
      refreshRef: 'refresh',
      address: mailbox.address,
      now: Date.now,
    });
    // The app believes the token is good for an hour; at the provider it has expired.
    tokens.seed({ accessToken: signedIn.accessToken, expiresAt: Date.now() + 3_600_000 });
    expect(await world.auth.introspect(signedIn.accessToken)).toMatchObject({ active: true });
    world.auth.expireAccessTokens(mailbox.address);
    expect(await world.auth.introspect(signedIn.accessToken)).toMatchObject({ active: false });
    const before = world.auth.grants.filter((g) => g === 'refresh_token').length;
    const imap = await connectImap({ ...world.mail.imap, tls: 'none', user: mailbox.user, tokens });
    expect(imap.authenticated).toBeTruthy();
    await imap.logout();
    expect(world.auth.grants.filter((g) => g === 'refresh_token').length).toBe(before + 1);
    expect(await tokens.accessToken()).not.toBe(signedIn.accessToken);
  });
});
