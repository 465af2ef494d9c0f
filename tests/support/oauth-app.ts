/**
 * The app in Chromium on a first launch against the OAuth mail world: its clock can be moved
 * (past an undo window, past a token's lifetime) and setup is filled in as a person would.
 */
import type { Browser, Page } from 'playwright-core';
import { firstLaunch, localDiscovery } from './firstLaunch';
import type { OAuthMailWorld } from './mailworld-oauth';

/** A launched app and a hand on its clock. */
export type OAuthApp = Awaited<ReturnType<typeof firstLaunch>> & { advance(ms: number): void };

/** The app on an empty data folder; `openUrl` is the system browser (none in the preview). */
export async function launchOAuthApp(browser: Browser, openUrl?: (url: string) => Promise<void>): Promise<OAuthApp> {
  let offset = 0;
  const deps = { oauthClients: { env: {} }, openUrl, discovery: localDiscovery([]), now: () => Date.now() + offset };
  const app = await firstLaunch(browser, deps, { width: 1280, height: 900 });
  return {
    ...app,
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** Welcome → Connect → the address and the world's servers entered by hand. */
export async function fillServers(page: Page, world: OAuthMailWorld, address: string): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to Promptly' }).waitFor();
  await page.getByRole('button', { name: /Connect your team’s mailbox/ }).click();
  await page.getByLabel('Shared address').fill(address);
  await page.getByRole('button', { name: 'Enter settings by hand' }).click();
  await page.getByLabel('IMAP server').fill(world.mail.imap.host);
  await page.getByLabel('Port', { exact: true }).first().fill(String(world.mail.imap.port));
  await page.getByLabel('SMTP server').fill(world.mail.smtp.host);
  await page.getByLabel('Port', { exact: true }).nth(1).fill(String(world.mail.smtp.port));
  for (const security of await page.getByLabel('Security').all()) await security.selectOption('none');
}

/** "Sign in with another provider" at the world's issuer; the browser part runs in `openUrl`. */
export async function signInWithIssuer(page: Page, world: OAuthMailWorld): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with another provider' }).click();
  await page.getByLabel('Sign-in server (issuer URL)').fill(world.auth.issuer);
  await page.getByRole('button', { name: 'Sign in with this provider' }).click();
}
