import { afterAll, describe, expect, it } from 'vitest';
import { mailWorld } from '../support/engine';
import { seedMaildir, type SeedMessage } from '../support/maildir-seed';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { firstLaunch, localDiscovery } from '../support/firstLaunch';
import { autoconfigXml, startAutoconfigServer } from '../support/autoconfig-server';
import { startProxy } from '../support/tcp-proxy';

const chromium = useChromium();
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A mailbox with a backlog large enough that the first sync is still running when the person acts. */
const BACKLOG = 4000;

/** The backlog: one customer question a minute, oldest first. */
function backlog(address: string): SeedMessage[] {
  const start = Date.now() - BACKLOG * 60_000;
  return Array.from({ length: BACKLOG }, (_, n) => {
    const date = start + n * 60_000;
    const raw = [
      `From: Customer ${n} <customer${n}@shop.example>`,
      `To: ${address}`,
      `Subject: Order question ${n}`,
      `Message-ID: <backlog-${n}@shop.example>`,
      `Date: ${new Date(date).toUTCString()}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Where is order ${n}?`,
      '',
    ].join('\r\n');
    return { raw, date };
  });
}

/** The app as a first launch sees it, discovery pointed at a local autoconfig server (no MX or SRV records). */
async function launch(xmlUrl: string) {
  const app = await firstLaunch(chromium.browser, { discovery: localDiscovery([xmlUrl]) });
  cleanups.push(app.close);
  return app;
}

describe('first launch to a live mailbox (Chromium, real engine, Dovecot, SMTP, local autoconfig)', () => {
  it('welcome → connect with discovered settings → who are you → the inbox fills and stays live; a claim during the first sync ends owned', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const domain = support.address.split('@')[1]!;
    // IMAP goes through a proxy the test can hold, so "while the first sync runs" does not depend on its speed.
    const proxy = await startProxy(world.info.imap);
    cleanups.push(() => proxy.close());
    const imap = { host: world.info.imap.host, port: proxy.port };
    const autoconfig = await startAutoconfigServer(autoconfigXml(domain, imap, world.info.smtp));
    cleanups.push(() => autoconfig.close());
    seedMaildir(world, support, backlog(support.address));
    const { service, page, errors } = await launch(autoconfig.url);

    // Welcome: two ways on.
    await page.getByRole('heading', { name: 'Welcome to Promptly' }).waitFor();
    await page.screenshot({ path: artifactPath('onboarding-1-welcome.png') });
    await page.getByRole('button', { name: /Connect your team’s mailbox/ }).click();

    // The address first; settings come from the domain's autoconfig document.
    await page.getByLabel('Shared address').fill(support.address);
    await page.getByLabel('Password or app password').fill(support.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText(/Found in the mail settings the domain publishes/).waitFor();
    expect(autoconfig.hits.length).toBeGreaterThan(0);
    expect(await page.getByLabel('IMAP server').inputValue()).toBe(world.info.imap.host);
    expect(await page.getByLabel('Port').first().inputValue()).toBe(String(imap.port));
    expect(await page.getByLabel('User name (usually the address)').inputValue()).toBe(support.address);
    await page.screenshot({ path: artifactPath('onboarding-2-discovered.png') });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    // Once the first conversations are stored, the server goes quiet until the claim below is made.
    const firstStored = (async () => {
      const giveUp = Date.now() + 60_000;
      while ((await service.call('threads.list', { limit: 1 })).length === 0 && Date.now() < giveUp)
        await new Promise((resolve) => setImmediate(resolve));
      proxy.hold();
    })();

    // Who are you: skippable, but we answer it.
    await page.getByRole('heading', { name: 'Who are you?' }).waitFor({ timeout: 15_000 });
    // The first sync is already running, and says how far it is.
    const firstSync = page.getByRole('status', { name: 'First sync' });
    await firstSync.waitFor();
    await expect.poll(() => firstSync.textContent(), { timeout: 15_000 }).toMatch(/Fetching INBOX.*: [\d,]+ of 4,000/);
    await page.getByLabel('Your name, as teammates see it').fill('Alice Moreno');
    await page.getByLabel('Your own work address').fill('alice@acme.example');
    await page.getByLabel('Signature under your replies').fill('Alice, Acme support');
    await page.screenshot({ path: artifactPath('onboarding-3-identity.png') });
    await page.getByRole('button', { name: 'Save' }).click();

    // The inbox fills by itself, newest first, while the first sync shows its progress.
    const rows = page.getByRole('option');
    await rows
      .filter({ hasText: /Order question/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => rows.first().textContent(), { timeout: 10_000 }).toContain(`Order question ${BACKLOG - 1}`);
    await firstStored;
    const fetching = page.getByRole('status').filter({ hasText: 'Signing in and fetching mail…' });
    await fetching.waitFor();
    const claimedDuringSync = service.connection().state === 'connecting';
    await page.screenshot({ path: artifactPath('onboarding-4-first-sync.png') });

    // A claim made while the first sync runs ends owned, not pending.
    await page.keyboard.press('a');
    const subject = `Order question ${BACKLOG - 1}`;
    // The list's own rows (search may not have indexed it yet while the server is held).
    const ownerOf = async () =>
      (await service.call('threads.list', { limit: 20 })).find((t) => t.subject === subject)?.team.owner;
    await expect.poll(ownerOf, { timeout: 20_000 }).toBe('alice@acme.example');
    expect(service.connection().state).toBe('connecting');
    proxy.release();
    await expect
      .poll(
        async () => {
          const hit = (await service.call('threads.search', { query: `subject:"${subject}"`, limit: 5 }))[0];
          return hit ? { owner: hit.team.owner, pending: hit.team.pending } : null;
        },
        { timeout: 20_000 },
      )
      .toEqual({ owner: 'alice@acme.example', pending: 0 });
    expect(claimedDuringSync).toBe(true);
    await expect
      .poll(
        () =>
          rows
            .first()
            .getByRole('img', { name: /^Owner: Alice Moreno$/ })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1);

    // New mail appears by itself, no key pressed. How soon is printed below (README's number, target < 3 s):
    // a bound on it here would fail on a busy machine, not on a slow app.
    await expect.poll(() => service.connection().state, { timeout: 60_000 }).toBe('live');
    const sentAt = Date.now();
    await world.deliverMail({
      from: 'Lena Vogt <lena@customer.example>',
      to: support.address,
      subject: 'Brand-new question after setup',
      text: 'Hello?',
    });
    await rows.filter({ hasText: 'Brand-new question after setup' }).waitFor({ timeout: 20_000 });
    const appearedMs = Date.now() - sentAt;
    await page.screenshot({ path: artifactPath('onboarding-5-live.png') });
    console.log(
      JSON.stringify({ test: 'onboarding', backlog: BACKLOG, newMailShownMs: appearedMs, claimedDuringSync }),
    );
    expect(service.connection()).toEqual({ state: 'live' });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
