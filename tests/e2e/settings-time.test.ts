import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

describe('times in the person’s own format, and the settings that take times (Chromium, real engine)', () => {
  it('a German-speaking person reads 24-hour dates without seconds, picks a time zone by typing, and sets quiet hours with time pickers', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    await world.deliverMail({
      from: 'Jonas Weber <jonas@kunde.example>',
      to: support.address,
      subject: 'Rahmen',
      text: 'Hallo',
    });
    await service.syncNow();
    const app = await chromium.openApp(service, {
      viewport: { width: 1280, height: 800 },
      context: { locale: 'de-DE', timezoneId: 'Europe/Berlin' },
    });
    const { page, errors } = app;
    await page.getByRole('option').filter({ hasText: 'Rahmen' }).waitFor();
    await page.keyboard.press('Enter');
    const stamp = page.getByRole('article').locator('time').first();
    await stamp.waitFor();
    // "Mo., 30. Nov., 17:40": the person's language, a 24-hour clock, no seconds, no AM/PM.
    await expect.poll(() => stamp.textContent()).toMatch(/^\S+, \d{1,2}\. \S+,? \d{2}:\d{2}$/);

    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press(',');
    const zone = page.getByLabel('Team time zone');
    await zone.waitFor();
    await zone.fill('Berl');
    const listId = await zone.getAttribute('list');
    const offered = await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('Europe/Berlin');
    expect(offered.length).toBeGreaterThan(300);
    await zone.fill('Europe/Berlin');
    const quiet = page.getByRole('form', { name: 'Quiet hours' });
    // Time pickers in the person's format (settings-locale.test.ts covers both clocks).
    expect(await quiet.getByRole('combobox', { name: 'Quiet from' }).inputValue()).toBe('22:00');
    expect(await quiet.getByRole('combobox', { name: 'Until' }).inputValue()).toBe('07:00');
    await quiet.getByText('Quiet on these days').waitFor();
    await quiet.getByLabel('Quiet from').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('settings-time-fields.png') });
    const dueSoon = page.getByLabel('The Due soon view holds');
    expect(await dueSoon.inputValue()).toBe('business-day');
    await dueSoon.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('settings-due-soon-window.png') });
    expect(errors).toEqual([]);
    await app.close();
  });
});
