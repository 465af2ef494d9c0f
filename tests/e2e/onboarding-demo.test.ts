import { afterAll, describe, expect, it } from 'vitest';
import { mailWorld } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { firstLaunch, localDiscovery } from '../support/firstLaunch';
import { autoconfigXml, startAutoconfigServer } from '../support/autoconfig-server';

const chromium = useChromium();
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** An empty data folder in the app, with discovery pointed at `xmlUrl` when given. */
async function launch(xmlUrl?: string) {
  const app = await firstLaunch(chromium.browser, xmlUrl ? { discovery: localDiscovery([xmlUrl]) } : {});
  cleanups.push(app.close);
  return app;
}

describe('the demo and the mailbox settings (Chromium, real engine)', () => {
  it('the demo says it is the demo, and the palette connects a mailbox from it', async () => {
    const { service, page, errors } = await launch();
    await page.getByRole('button', { name: /Explore the demo/ }).click();
    const banner = page.getByRole('region', { name: 'Demo mailbox' });
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('This is the demo mailbox.');
    await page.getByRole('option').first().waitFor();
    await page.screenshot({ path: artifactPath('demo-banner.png') });

    await page.keyboard.press('Control+k');
    await page.locator('[cmdk-input]').fill('connect');
    const entry = page.getByRole('option', { name: /Connect mailbox…/ });
    await entry.waitFor();
    await page.screenshot({ path: artifactPath('demo-palette-connect.png') });
    await page.locator('[cmdk-input]').fill('demo');
    expect(await page.getByRole('option', { name: /Leave the demo/ }).count()).toBe(1);
    await page.locator('[cmdk-input]').fill('connect');
    await entry.waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Connect your team’s mailbox' }).waitFor();
    expect((await service.call('app.info', {})).mode).toBe('setup');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Welcome to Promptly' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('skipping "who are you": the first claim asks, then claims; Settings → Mailbox tests the connection and removes it after asking', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const domain = support.address.split('@')[1]!;
    const autoconfig = await startAutoconfigServer(autoconfigXml(domain, world.info.imap, world.info.smtp));
    cleanups.push(() => autoconfig.close());
    await world.deliverMail({
      from: 'Omar Haddad <omar@customer.example>',
      to: support.address,
      subject: 'Wheel wobbles',
      text: 'Help',
    });
    const { service, page, errors } = await launch(autoconfig.url);
    await page.getByRole('button', { name: /Connect your team’s mailbox/ }).click();
    await page.getByLabel('Shared address').fill(support.address);
    await page.getByLabel('Password or app password').fill(support.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Skip for now' }).click();

    const row = page.getByRole('option').filter({ hasText: 'Wheel wobbles' });
    await row.waitFor({ timeout: 20_000 });
    await page.keyboard.press('a'); // claim: nobody said who they are yet
    const dialog = page.getByRole('dialog', { name: 'Who are you?' });
    await dialog.waitFor();
    await page.screenshot({ path: artifactPath('identity-on-first-claim.png') });
    await dialog.getByLabel('Your name, as teammates see it').fill('Bob Lee');
    await dialog.getByLabel('Your own work address').fill('bob@acme.example');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.getByRole('img', { name: /^Owner: Bob Lee$/ }).count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.count()).toBe(0);

    await page.keyboard.press('g');
    await page.keyboard.press(','); // Team settings
    const mailbox = page.getByRole('region', { name: 'Mailbox' });
    await mailbox.waitFor();
    expect(await mailbox.textContent()).toContain(support.address);
    await mailbox.getByRole('button', { name: 'Test connection' }).click();
    const report = mailbox.getByRole('status', { name: 'Connection test' });
    await report.waitFor({ timeout: 15_000 });
    expect(await report.textContent()).toMatch(/IMAP: Signed in to .*SMTP: Signed in to /);
    await page.screenshot({ path: artifactPath('settings-mailbox.png') });

    await mailbox.getByRole('button', { name: 'Remove…' }).click();
    const confirm = page.getByRole('alertdialog', { name: /Remove .* from this computer\?/ });
    await confirm.waitFor();
    const words = (await confirm.textContent()) ?? '';
    expect(words).toContain('Kept:');
    expect(words).toContain('Deleted on this computer:');
    await page.screenshot({ path: artifactPath('settings-mailbox-remove.png') });
    await confirm.getByRole('button', { name: 'Remove from this computer' }).click();
    await page.getByRole('heading', { name: 'Welcome to Promptly' }).waitFor({ timeout: 15_000 });
    expect((await service.call('app.info', {})).mode).toBe('setup');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
