import { afterEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath, launchChromium } from '../support/browser';
import { loadRenderer } from '../support/appPage';
import { startBridge, type Bridge } from '../../src/main/bridge/server';
import { getSetting } from '../../src/main/store/repos/settings';
import type { QuietHours } from '../../src/shared/policy';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** What one person sees and types, in their own locale. */
interface Speaker {
  /** The locale Chromium itself runs in (its native time inputs would follow it). */
  browser: string;
  /** The person's own languages (the app's locale). */
  locale: string;
  name: string;
  quietFrom: string;
  quietUntil: string;
  typeUntil: string;
  savedQuiet: string;
  opens: string;
  typeEarlyClose: string;
  earlyCloseProblem: string;
  typeClose: string;
  holiday: string;
}

const PEOPLE: Speaker[] = [
  {
    browser: 'de_DE.UTF-8',
    locale: 'en-US',
    name: 'en-US person, Chromium in German (24 h)',
    quietFrom: '10:00 PM',
    quietUntil: '07:00 AM',
    typeUntil: '6:30 am',
    savedQuiet: 'Quiet from 10:00 PM to 06:30 AM.',
    opens: '09:00 AM',
    typeEarlyClose: '8:00 AM',
    earlyCloseProblem:
      'Monday: it closes at 08:00 AM, before it opens at 09:00 AM. The closing time must be after the opening time.',
    typeClose: '5:30 PM',
    holiday: '12/24/2026',
  },
  {
    browser: 'en_US.UTF-8',
    locale: 'de-DE',
    name: 'de-DE person, Chromium in US English (12 h)',
    quietFrom: '22:00',
    quietUntil: '07:00',
    typeUntil: '6.30',
    savedQuiet: 'Quiet from 22:00 to 06:30.',
    opens: '09:00',
    typeEarlyClose: '08:00',
    earlyCloseProblem:
      'Monday: it closes at 08:00, before it opens at 09:00. The closing time must be after the opening time.',
    typeClose: '17:30',
    holiday: '24.12.2026',
  },
];

/** Opens Settings in a page whose person speaks `locale`, in a browser running in another locale. */
async function openSettings(browser: Browser, bridge: Bridge, locale: string) {
  const { page, errors } = await loadRenderer(browser, bridge, {
    viewport: { width: 1280, height: 900 },
    context: { locale, timezoneId: 'Europe/Berlin' },
  });
  cleanups.push(() => page.context().close());
  await page.locator('#thread-list').waitFor();
  await page.keyboard.press('g');
  await page.keyboard.press(',');
  await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  return { page, errors };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`${name}.png`) });
}

describe('times and dates in Settings follow the app’s locale, not the browser’s (Chromium in 24 h and 12 h locales)', () => {
  for (const person of PEOPLE) {
    it(`${person.name}: quiet hours and business hours show and read times the person’s way; end before start is refused in words`, async () => {
      const browser = await launchChromium({ locale: person.browser });
      cleanups.push(() => browser.close());
      const world = await mailWorld();
      const support = await world.createMailbox('support');
      const { service, db } = await startEngine(world, support);
      cleanups.push(() => service.stopLive());
      await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
      await service.syncNow();
      const bridge = await startBridge(service);
      cleanups.push(() => bridge.close());
      const tag = `settings-locale-${person.locale}`;
      const { page, errors } = await openSettings(browser, bridge, person.locale);

      const quiet = page.getByRole('form', { name: 'Quiet hours' });
      const from = quiet.getByRole('combobox', { name: 'Quiet from' });
      const until = quiet.getByRole('combobox', { name: 'Until' });
      expect(await from.inputValue()).toBe(person.quietFrom);
      expect(await until.inputValue()).toBe(person.quietUntil);
      await until.fill(person.typeUntil);
      await quiet.getByRole('button', { name: 'Save quiet hours' }).click();
      await quiet.getByRole('status').filter({ hasText: person.savedQuiet }).waitFor();
      expect(getSetting<QuietHours | null>(db, 'quietHours', null)).toMatchObject({ start: '22:00', end: '06:30' });

      const policy = page.getByRole('form', { name: 'Team policy' });
      await policy.getByLabel('Count the window in business hours').check();
      const monday = policy.getByRole('group', { name: 'Monday' });
      expect(await monday.getByRole('button', { name: 'Monday', exact: true }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      const saturday = policy.getByRole('button', { name: 'Saturday', exact: true });
      expect(await saturday.getAttribute('aria-pressed')).toBe('false');
      await saturday.click();
      expect(await saturday.getAttribute('aria-pressed')).toBe('true');
      // Opened Saturday takes Friday's hours.
      expect(await policy.getByRole('combobox', { name: 'Saturday opens' }).inputValue()).toBe(person.opens);
      await saturday.click();
      expect(await monday.getByRole('combobox', { name: 'Monday opens' }).inputValue()).toBe(person.opens);

      const closes = monday.getByRole('combobox', { name: 'Monday closes' });
      await closes.fill(person.typeEarlyClose);
      await policy.getByRole('textbox', { name: /^Holidays/ }).fill(person.holiday);
      await policy.getByRole('button', { name: 'Save policy' }).click();
      await monday.getByText(person.earlyCloseProblem).waitFor();
      expect(await closes.getAttribute('aria-invalid')).toBe('true');
      await closes.scrollIntoViewIfNeeded();
      await shoot(page, `${tag}-end-before-start`);

      await closes.fill(person.typeClose);
      await policy.getByRole('button', { name: 'Save policy' }).click();
      await policy.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await service.syncNow(); // the policy travels through the team log
      const saved = await service.call('policy.get', {});
      expect(saved.businessHours?.mon).toEqual([{ start: '09:00', end: '17:30' }]);
      expect(saved.businessHours?.tue).toEqual([{ start: '09:00', end: '17:00' }]);
      expect(saved.businessHours?.sat).toEqual([]);
      expect(saved.holidays).toEqual(['2026-12-24']);
      // Shown again as saved, the person's way.
      expect(await closes.inputValue()).toBe(person.typeClose.replace(/^5:30 PM$/, '05:30 PM'));
      expect(await policy.getByRole('textbox', { name: /^Holidays/ }).inputValue()).toBe(person.holiday);
      await shoot(page, `${tag}-light`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await shoot(page, `${tag}-dark`);
      expect(errors).toEqual([]);
    }, 120_000);
  }
});
