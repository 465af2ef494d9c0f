import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mailWorld, startEngine, TestClock } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import type { PromptlyService } from '../../src/main/service/service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const chromium = useChromium();

/** Moves the engine's clock and the page's clock forward together. */
async function skip(clock: TestClock, page: Page, ms: number): Promise<void> {
  clock.advance(ms);
  await page.clock.fastForward(ms);
}

/** Types a reply into the open composer and sends it with Ctrl+Enter. */
async function send(page: Page, text = ''): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
}

/** `g` then `key`: the sidebar marks `label` as the current view. */
async function goTo(page: Page, key: string, label: string): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.press(key);
  await expect
    .poll(() => page.getByRole('button', { name: new RegExp(`^${label}`) }).getAttribute('aria-current'))
    .toBe('page');
}

function activity(page: Page): Locator {
  return page.getByRole('region', { name: 'Activity' });
}

async function dueReason(service: PromptlyService, subject: string): Promise<string | undefined> {
  return (await service.call('threads.list', {})).find((t) => t.subject === subject)?.due?.reason;
}

describe('a promise over time (real engine, Dovecot, SMTP, keyboard only, clock injected)', () => {
  it('promised → kept in time on one thread; promised → overdue → answered late (broken) on another', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const lena = await world.createMailbox('lena', 'customer.example');
    const omar = await world.createMailbox('omar', 'customer.example');
    // Four days ago: skipping three days brings the engine close to the mail server's own clock.
    const clock = new TestClock(Date.now() - 4 * DAY);
    const { service } = await startEngine(world, support, { now: clock.now });
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: 'Alice, Acme' });
    service.outbox({ undoMs: 0 });
    await world.deliverMail({
      from: `Omar Haddad <${omar.address}>`,
      to: support.address,
      subject: 'Spoke tension',
      text: 'Wheel wobbles.',
      date: new Date(clock.now() - 2 * HOUR),
    });
    await world.deliverMail({
      from: `Lena Vogt <${lena.address}>`,
      to: support.address,
      subject: 'Delivery date for order 77',
      text: 'When will order 77 arrive?',
      date: new Date(clock.now()),
    });
    await service.startLive();

    const { page, errors } = await chromium.openApp(service, {
      viewport: { width: 1280, height: 800 },
      beforeLoad: (blank) => blank.clock.install({ time: clock.now() }),
    });
    const rows = page.getByRole('option');
    const lenaRow = rows.filter({ hasText: 'Delivery date for order 77' });
    const omarRow = rows.filter({ hasText: 'Spoke tension' });
    await lenaRow.waitFor();
    await expect.poll(() => rows.first().textContent()).toContain('Delivery date for order 77');

    // Lena: a courtesy reply promises her an answer (the default: 17:00 the next day).
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Delivery date for order 77/ }).waitFor();
    await page.keyboard.press('c');
    await send(page);
    await expect.poll(() => dueReason(service, 'Delivery date for order 77'), { timeout: 10_000 }).toBe('promise');
    await expect.poll(() => lenaRow.getByLabel(/^Answer promised by .*\(on time\)$/).count()).toBe(1);
    await expect.poll(() => lenaRow.locator('.sender').textContent()).toBe('Lena Vogt');
    await expect
      .poll(() => page.getByRole('article').getByRole('note').first().textContent(), { timeout: 8000 })
      .toMatch(/^We promised Lena Vogt an answer by /);
    await expect
      .poll(() => activity(page).textContent(), { timeout: 8000 })
      .toContain('Alice Moreno promised Lena Vogt an answer by ');

    // The answer is ours to give: Promised holds it (g p), Waiting on customer does not (g w).
    await page.keyboard.press('Escape');
    await goTo(page, 'p', 'Promised');
    await page.getByText('Answers we promised customers, the earliest promised date first.').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await lenaRow.waitFor();
    await page.screenshot({ path: artifactPath('promised-view.png') });
    await goTo(page, 'w', 'Waiting on customer');
    await page.getByText('No conversation is waiting on a customer.').waitFor();
    await goTo(page, 'a', 'All');

    // Omar: promised too, and an hour later answered for real: the promise is kept.
    while ((await omarRow.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Spoke tension/ }).waitFor();
    await page.keyboard.press('c');
    await send(page);
    await expect.poll(() => dueReason(service, 'Spoke tension'), { timeout: 10_000 }).toBe('promise');
    await skip(clock, page, HOUR);
    await page.keyboard.press('r');
    await send(page, 'The new spoke is in; the wheel is true again.');
    await expect
      .poll(() => activity(page).textContent(), { timeout: 15_000 })
      .toContain('Promise kept: Omar Haddad got the answer in time');
    await expect.poll(() => dueReason(service, 'Spoke tension'), { timeout: 10_000 }).toBeUndefined();
    await page.screenshot({ path: artifactPath('promise-kept.png') });

    // Three days on, Lena's promise is overdue: the Overdue view holds it, in words.
    await skip(clock, page, 3 * DAY);
    await page.keyboard.press('Escape');
    await goTo(page, 'o', 'Overdue');
    await expect.poll(() => lenaRow.getByLabel(/^Answer promised by .*\(promise overdue\)$/).count()).toBe(1);
    await expect.poll(() => rows.count()).toBe(1);
    while ((await lenaRow.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Delivery date for order 77/ }).waitFor();
    await expect
      .poll(() => page.getByRole('article').getByRole('note').first().textContent())
      .toMatch(/^Promise overdue: we promised Lena Vogt an answer by /);
    await expect
      .poll(() => activity(page).textContent(), { timeout: 8000 })
      .toContain('Promise broken: Lena Vogt had no answer by ');
    await page.screenshot({ path: artifactPath('promise-overdue.png') });

    // The answer comes late: the timeline says the promise was broken, and how.
    await page.keyboard.press('r');
    await send(page, 'Order 77 left our workshop today.');
    await expect
      .poll(() => activity(page).textContent(), { timeout: 15_000 })
      .toContain('Promise broken: Lena Vogt got the answer late; it was promised by ');
    await expect.poll(() => dueReason(service, 'Delivery date for order 77'), { timeout: 10_000 }).toBeUndefined();
    await page.screenshot({ path: artifactPath('promise-broken-late.png') });

    expect(errors).toEqual([]);
    await service.stopLive();
    await page.close();
  });
});
