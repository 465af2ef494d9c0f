import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { axeProblems, blocking } from './screens';
import { browserSignIn, startOAuthMailWorld, type OAuthMailWorld } from '../support/mailworld-oauth';
import { fillServers, launchOAuthApp, signInWithIssuer, type OAuthApp } from '../support/oauth-app';

const chromium = useChromium();
let world: OAuthMailWorld;
let app: OAuthApp | undefined;
beforeAll(async () => {
  world = await startOAuthMailWorld();
});
afterAll(async () => {
  await app?.close();
  await world?.stop();
});

/** Access tokens the provider issues live this long (s); the app's clock is moved past it. */
const TOKEN_TTL_S = 120;

describe('signed out by the provider (Chromium, real engine, oidc-provider, Dovecot oauth2 passdb)', () => {
  it('the status line says so with Sign in again; the provider’s pages run again; sync resumes and the waiting reply goes out once', async () => {
    world.auth.setAccessTokenTtl(TOKEN_TTL_S);
    const support = await world.mail.createMailbox('desk');
    const carla = await world.mail.createMailbox('carla', 'customer.test');
    await world.mail.deliverMail({
      from: `Carla Ruiz <${carla.address}>`,
      to: support.address,
      subject: 'Lost parcel',
      text: 'My parcel never came.',
    });
    const opened: string[] = [];
    const signIn = browserSignIn(chromium.browser, support.address);
    app = await launchOAuthApp(chromium.browser, async (url) => {
      opened.push(url);
      await signIn(url);
    });
    const { page, service, errors } = app;
    await fillServers(page, world, support.address);
    await signInWithIssuer(page, world);
    await page.getByRole('heading', { name: 'Who are you?' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Your name, as teammates see it').fill('Alice Moreno');
    await page.getByLabel('Your own work address').fill('alice@acme.example');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('option').filter({ hasText: 'Lost parcel' });
    await row.waitFor({ timeout: 30_000 });
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await status.getByText('Connected, new mail arrives by itself').waitFor({ timeout: 30_000 });

    // A password change at the provider: the grant and its tokens die, the server ends the
    // session, and the app's access token has passed its lifetime by the time it reconnects.
    world.auth.signOut(support.address);
    app.advance((TOKEN_TTL_S + 1) * 1000);
    await world.kick(support.address);
    const signedOut = status.getByRole('status').filter({ hasText: `signed you out of ${support.address}` });
    await signedOut.waitFor({ timeout: 30_000 });
    expect(await signedOut.textContent()).toContain('Sync is paused until you sign in again.');
    const again = signedOut.getByRole('button', { name: 'Sign in again' });
    await again.waitFor();
    await page.screenshot({ path: artifactPath('oauth-signed-out-1-status.png') });
    expect(blocking(await axeProblems(page))).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: artifactPath('oauth-signed-out-1-status-dark.png') });
    expect(blocking(await axeProblems(page))).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // A reply written while signed out waits in the outbox, and says why.
    await row.click();
    await page.getByRole('article', { name: /Lost parcel/ }).waitFor();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Found it, it ships today.');
    await page.keyboard.press('Control+Enter');
    app.advance(11_000); // past the undo window
    const toast = page.getByRole('alert').filter({ hasText: /^Not sent: / });
    await toast.waitFor({ timeout: 20_000 });
    expect(await toast.textContent()).toContain('The reply waits in the outbox.');
    await world.mail.deliverMail({
      from: `Carla Ruiz <${carla.address}>`,
      to: support.address,
      subject: 'Any news?',
      text: 'Still nothing.',
    });
    expect(await world.mail.smtpMessages({ from: support.address })).toEqual([]);

    // Settings → Mailbox says the same, with the same button.
    await page.getByText('Team settings').click();
    const mailbox = page.getByRole('region', { name: 'Mailbox' });
    await mailbox.getByRole('status').filter({ hasText: 'signed you out of' }).waitFor();
    await page.screenshot({ path: artifactPath('oauth-signed-out-2-settings.png') });
    expect(await mailbox.getByRole('button', { name: 'Sign in again' }).count()).toBeGreaterThanOrEqual(1);

    // Sign in again from the status line: the provider's login and consent run in the browser.
    await status.getByRole('button', { name: 'Sign in again' }).click();
    await status.getByText('Connected, new mail arrives by itself').waitFor({ timeout: 30_000 });
    expect(opened).toHaveLength(2);
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: /^All, / })
      .click();
    await page.getByRole('option').filter({ hasText: 'Any news?' }).waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await world.mail.smtpMessages({ from: support.address })).length, { timeout: 30_000 })
      .toBe(1);
    const [sent] = await world.mail.smtpMessages({ from: support.address });
    expect(sent?.raw.toString()).toMatch(/Found it, it ships today/);
    await expect
      .poll(async () => (await service.call('outbox.list', {})).map((item) => item.state), { timeout: 30_000 })
      .toEqual(['filed']);
    expect(await world.mail.smtpMessages({ from: support.address })).toHaveLength(1);
    expect((await service.call('oauth.status', {})).signedOut).toBeNull();
    await toast.waitFor({ state: 'detached' }); // sent after all: "Not sent" no longer holds
    await page.screenshot({ path: artifactPath('oauth-signed-out-3-resumed.png') });
    expect(errors).toEqual([]);
    world.auth.setAccessTokenTtl(3600);
  }, 180_000);
});
