import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { axeProblems, blocking } from './screens';
import { fillServers as fillServersAt, launchOAuthApp } from '../support/oauth-app';
import { browserSignIn, startOAuthMailWorld, type OAuthMailWorld } from '../support/mailworld-oauth';

const chromium = useChromium();
let world: OAuthMailWorld;
const cleanups: Array<() => Promise<unknown> | unknown> = [];
beforeAll(async () => {
  world = await startOAuthMailWorld();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await world?.stop();
});

async function launchApp(openUrl?: (url: string) => Promise<void>) {
  const app = await launchOAuthApp(chromium.browser, openUrl);
  cleanups.push(app.close);
  return app;
}

const fillServers = (page: Page, address: string) => fillServersAt(page, world, address);

describe('first launch signing in with OAuth2 (Chromium, real engine, oidc-provider, Dovecot oauth2 passdb)', () => {
  it('welcome → connect → sign in with another provider → the provider’s login and consent → who are you → the inbox fills', async () => {
    const support = await world.mail.createMailbox('support');
    await world.mail.deliverMail({
      from: 'Lena Vogt <lena@customer.example>',
      to: support.address,
      subject: 'Where is my parcel?',
      text: 'It has been a week.',
    });
    // The "system browser" is a second Chromium page that logs in as the mailbox and consents.
    const opened: string[] = [];
    const signIn = browserSignIn(chromium.browser, support.address, { shots: 'oauth-setup-provider' });
    const { service, page, errors } = await launchApp(async (url) => {
      opened.push(url);
      await signIn(url);
    });
    await fillServers(page, support.address);

    // Microsoft and Google have no client ID here: their buttons say so and what to do.
    for (const name of [/Sign in with Microsoft \(not set up\)/, /Sign in with Google \(not set up\)/]) {
      const button = page.getByRole('button', { name });
      await button.waitFor();
      expect(await button.isDisabled()).toBe(true);
    }
    expect(await page.locator('#oauth-help-microsoft').textContent()).toMatch(/client ID/i);
    await page.getByRole('button', { name: 'Sign in with another provider' }).click();
    await page.getByLabel('Sign-in server (issuer URL)').fill(world.auth.issuer);
    await page.screenshot({ path: artifactPath('oauth-setup-1-choose.png') });
    await page.getByRole('button', { name: 'Sign in with this provider' }).click();

    // The provider's pages ran in the other page; the app goes on to "who are you".
    await page.getByRole('heading', { name: 'Who are you?' }).waitFor({ timeout: 30_000 });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain('code_challenge_method=S256');
    await page.getByLabel('Your name, as teammates see it').fill('Alice Moreno');
    await page.getByLabel('Your own work address').fill('alice@acme.example');
    await page.screenshot({ path: artifactPath('oauth-setup-2-identity.png') });
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('option').filter({ hasText: 'Where is my parcel?' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('oauth-setup-3-inbox.png') });
    expect((await service.call('account.get', {}))?.auth).toEqual({ kind: 'oauth2', provider: world.auth.issuer });

    // Settings → Mailbox says how it signs in, and "Sign in again" runs the provider's sign-in.
    await page.getByText('Team settings').click();
    const mailbox = page.getByRole('region', { name: 'Mailbox' });
    await mailbox.getByText(`${support.address} (through ${world.auth.issuer})`).waitFor();
    await mailbox.getByRole('button', { name: 'Sign in again' }).click();
    const again = mailbox.getByRole('group', { name: 'Sign in through your provider' });
    await page.screenshot({ path: artifactPath('oauth-setup-5-sign-in-again.png') });
    await again.getByRole('button', { name: 'Sign in again' }).click();
    // The choice gives way to "Finish signing in in your browser", and that closes once signed in.
    await mailbox.locator('.oauth-signin').waitFor({ state: 'detached', timeout: 30_000 });
    expect(opened).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('with no browser to open (the preview), shows the sign-in link and a Cancel; following the link signs in', async () => {
    const support = await world.mail.createMailbox('help');
    await world.mail.deliverMail({
      from: 'Tom Berg <tom@customer.example>',
      to: support.address,
      subject: 'Invoice copy, please',
      text: 'For March.',
    });
    const { service, page, errors } = await launchApp();
    await fillServers(page, support.address);
    await page.getByRole('button', { name: 'Sign in with another provider' }).click();
    const issuer = page.getByLabel('Sign-in server (issuer URL)');
    await issuer.fill(world.auth.issuer);

    // Cancel goes back to the choices, the issuer still filled in.
    await page.getByRole('button', { name: 'Sign in with this provider' }).click();
    const waiting = page.getByRole('status', { name: 'Signing in' });
    await waiting.getByText('Finish signing in in your browser.').waitFor();
    await page.screenshot({ path: artifactPath('oauth-setup-4-waiting.png') });
    await waiting.getByRole('button', { name: 'Cancel' }).click();
    expect(await issuer.inputValue()).toBe(world.auth.issuer);
    expect((await service.call('oauth.status', {})).flow).toEqual({ state: 'idle' });

    // Again, and this time the person follows the link to the provider's pages.
    await issuer.press('Enter');
    const link = waiting.getByRole('link', { name: 'Open the sign-in page' });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${world.auth.issuer}/.*code_challenge=`));
    const [provider] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await provider.fill('input[name=login]', support.address);
    await provider.fill('input[name=password]', 'any password');
    await provider.click('button[type=submit]');
    await provider.click('button:has-text("Continue")');
    await provider.getByText('You can close this tab').waitFor();
    await provider.close();

    await page.getByRole('heading', { name: 'Who are you?' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /Skip/ }).click();
    await page.getByRole('option').filter({ hasText: 'Invoice copy, please' }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });

  it('“Which mailbox does the team share?”: a teammate signs in as themselves; without access the servers’ refusal shows, with access the inbox fills', async () => {
    const office = await world.mail.createMailbox('office');
    const alice = `alice-${Date.now()}@staff.test`;
    const bob = `bob-${Date.now()}@staff.test`;
    world.grantAccess(office.address, alice);
    await world.mail.deliverMail({
      from: 'Ida Lund <ida@customer.example>',
      to: office.address,
      subject: 'Opening hours at Easter?',
      text: 'Are you open on Monday?',
    });
    // The person signs in at the provider as the address Promptly suggested (the login hint).
    const hints: string[] = [];
    const { service, page, errors } = await launchApp(async (url) => {
      const person = new URL(url).searchParams.get('login_hint') ?? '';
      hints.push(person);
      await browserSignIn(chromium.browser, person)(url);
    });
    await fillServers(page, office.address);
    const question = page.getByRole('group', { name: 'Which mailbox does the team share?' });
    await question.getByLabel(/is a shared mailbox I open with my own account/).check();
    const own = question.getByLabel('Your own address (you sign in with it)');
    await own.fill(bob);
    await page.getByRole('button', { name: 'Sign in with another provider' }).click();
    await page.getByLabel('Sign-in server (issuer URL)').fill(world.auth.issuer);
    await page
      .getByRole('group', { name: /Or sign in through your provider/ })
      .screenshot({ path: artifactPath('oauth-shared-1-question.png') });
    expect(blocking(await axeProblems(page))).toEqual([]);
    await page.getByRole('button', { name: 'Sign in with this provider' }).click();

    const refused = page.getByRole('alert').filter({ hasText: `did not let ${bob} open ${office.address}` });
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toMatch(/Authentication failed/i);
    expect(await refused.textContent()).toContain('Full Access');
    await page.screenshot({ path: artifactPath('oauth-shared-2-refused.png') });
    expect(blocking(await axeProblems(page))).toEqual([]);
    expect(await service.call('account.get', {})).toBeNull();

    await own.fill(alice);
    await page.getByRole('button', { name: 'Sign in with this provider' }).click();
    await page.getByRole('heading', { name: 'Who are you?' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /Skip/ }).click();
    await page.getByRole('option').filter({ hasText: 'Opening hours at Easter?' }).waitFor({ timeout: 30_000 });
    expect(await service.call('account.get', {})).toMatchObject({ address: office.address, user: office.address });
    await page.screenshot({ path: artifactPath('oauth-shared-3-inbox.png') });

    // Settings → Mailbox names the teammate, and Sign in again signs the teammate in again.
    await page.getByText('Team settings').click();
    const mailbox = page.getByRole('region', { name: 'Mailbox' });
    await mailbox.getByText(`${alice} (through ${world.auth.issuer})`).waitFor();
    await mailbox.getByRole('button', { name: 'Sign in again' }).click();
    const again = mailbox.getByRole('group', { name: 'Sign in through your provider' });
    await again.getByRole('button', { name: 'Sign in again' }).click();
    // The choice gives way to "Finish signing in in your browser", and that closes once signed in.
    await mailbox.locator('.oauth-signin').waitFor({ state: 'detached', timeout: 30_000 });
    await page.screenshot({ path: artifactPath('oauth-shared-4-settings.png') });
    expect(hints).toEqual([bob, alice, alice]);
    expect(errors).toEqual([]);
  });
});
