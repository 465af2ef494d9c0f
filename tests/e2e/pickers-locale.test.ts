import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath, launchChromium } from '../support/browser';
import { loadRenderer } from '../support/appPage';
import { startBridge } from '../../src/main/bridge/server';
import type { PromptlyService } from '../../src/main/service/service';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One person, their own locale, and Chromium running in the other one. */
interface Speaker {
  /** The locale Chromium itself runs in (its native date and time inputs would follow it). */
  browser: string;
  /** The person's own languages (the app's locale). */
  locale: string;
  name: string;
  /** A day written the person's way. */
  day(d: Date): string;
  /** The default promise time, 17:00, the person's way. */
  fivePm: string;
  /** 09:30 typed loosely, and how the field then shows it. */
  typeMorning: string;
  morning: string;
  /** 18:45 typed loosely, and how the field then shows it. */
  typeEvening: string;
  evening: string;
  /** A time written the person's way. */
  timePattern: RegExp;
}

const pad = (n: number) => String(n).padStart(2, '0');

const PEOPLE: Speaker[] = [
  {
    browser: 'en_US.UTF-8',
    locale: 'de-DE',
    name: 'de-DE person, Chromium in US English (12 h)',
    day: (d) => `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`,
    fivePm: '17:00',
    typeMorning: '9.30',
    morning: '09:30',
    typeEvening: '1845',
    evening: '18:45',
    timePattern: /^\d{2}:\d{2}$/,
  },
  {
    browser: 'de_DE.UTF-8',
    locale: 'en-US',
    name: 'en-US person, Chromium in German (24 h)',
    day: (d) => `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${d.getFullYear()}`,
    fivePm: '05:00 PM',
    typeMorning: '9:30 am',
    morning: '09:30 AM',
    typeEvening: '6:45 pm',
    evening: '06:45 PM',
    timePattern: /^\d{2}:\d{2} [AP]M$/,
  },
];

/** `days` from today at the given local time. */
function daysAhead(days: number, hour: number, minute: number): Date {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hour, minute);
}

async function thread(service: PromptlyService, subject: string) {
  return (await service.call('threads.list', { view: 'all', limit: 100 })).find((t) => t.subject === subject);
}

/** Moves the highlight with `j` until the row holding `subject` is selected. */
async function highlight(page: Page, subject: string): Promise<void> {
  const row = page.getByRole('option').filter({ hasText: subject });
  await row.waitFor();
  for (let i = 0; i < 5 && (await row.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('j');
  expect(await row.getAttribute('aria-selected')).toBe('true');
}

function dayAndTime(group: Locator): [Locator, Locator] {
  return [group.getByRole('combobox', { name: 'Day' }), group.getByRole('combobox', { name: 'Time' })];
}

/** Selects what a field holds and types over it, as a person at the keyboard does. */
async function typeOver(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('dates and times outside Settings follow the app’s locale, not the browser’s (Chromium in 24 h and 12 h locales)', () => {
  for (const person of PEOPLE) {
    it(`${person.name}: the courtesy reply’s promise, send later and the snooze picker’s own time`, async () => {
      const browser = await launchChromium({ locale: person.browser });
      cleanups.push(() => browser.close());
      const world = await mailWorld();
      const support = await world.createMailbox('support');
      const lena = await world.createMailbox('lena', 'customer.example');
      const omar = await world.createMailbox('omar', 'customer.example');
      const { service } = await startEngine(world, support);
      cleanups.push(() => service.stopLive());
      await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
      service.outbox({ undoMs: 0 });
      await world.deliverMail({
        from: `Omar Haddad <${omar.address}>`,
        to: support.address,
        subject: 'Spoke tension',
        text: 'Wheel wobbles.',
      });
      await world.deliverMail({
        from: `Lena Vogt <${lena.address}>`,
        to: support.address,
        subject: 'Delivery date for order 77',
        text: 'When will order 77 arrive?',
      });
      await service.startLive();
      const bridge = await startBridge(service);
      cleanups.push(() => bridge.close());
      const { page, errors } = await loadRenderer(browser, bridge, {
        viewport: { width: 1280, height: 800 },
        context: { locale: person.locale, timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone },
      });
      cleanups.push(() => page.context().close());
      await page.locator('#thread-list').waitFor();
      const tag = `pickers-${person.locale}`;

      // A courtesy reply: the promise shows the default, 17:00, the person's way.
      await highlight(page, 'Delivery date for order 77');
      await page.keyboard.press('Enter');
      await page.keyboard.press('c');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      const [promiseDay, promiseTime] = dayAndTime(page.getByRole('group', { name: 'Promise an answer by' }));
      expect(await promiseTime.inputValue()).toBe(person.fivePm);
      const defaultDay = await promiseDay.inputValue();
      expect([1, 2, 3, 4, 5].map((n) => person.day(daysAhead(n, 0, 0)))).toContain(defaultDay);

      // The day after tomorrow at 09:30, typed the person's way; the time reads back their way.
      const promised = daysAhead(2, 9, 30);
      await typeOver(page, promiseDay, person.day(promised));
      await typeOver(page, promiseTime, person.typeMorning);
      await page.keyboard.press('Tab');
      expect(await promiseTime.inputValue()).toBe(person.morning);
      await page.screenshot({ path: artifactPath(`${tag}-courtesy.png`) });
      await promiseTime.focus();
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(async () => (await thread(service, 'Delivery date for order 77'))?.due?.dueAt, { timeout: 10_000 })
        .toBe(promised.getTime());

      // Send later on the same thread: a half-typed time is refused in words, then scheduled.
      await page.keyboard.press('r');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type('Here is the date.');
      await page.getByRole('button', { name: 'Send later…' }).press('Enter');
      const [laterDay, laterTime] = dayAndTime(page.getByRole('group', { name: 'Send at' }));
      const later = daysAhead(3, 18, 45);
      await typeOver(page, laterDay, person.day(later));
      await typeOver(page, laterTime, 'soon');
      await page.keyboard.press('Control+Enter');
      await page
        .getByRole('alert')
        .filter({ hasText: /^Write the day and time to send it, for example / })
        .waitFor();
      await typeOver(page, laterTime, person.typeEvening);
      await page.keyboard.press('Tab');
      expect(await laterTime.inputValue()).toBe(person.evening);
      await page.screenshot({ path: artifactPath(`${tag}-send-later.png`) });
      await laterTime.focus();
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(async () => (await service.call('outbox.list', {})).map((item) => item.sendAt), { timeout: 10_000 })
        .toContain(later.getTime());

      // Snooze (h) to a time of the person's own: the picker shows tomorrow their way.
      await page.keyboard.press('Escape');
      await highlight(page, 'Spoke tension');
      await page.keyboard.press('h');
      const picker = page.getByRole('dialog', { name: 'Snooze conversation' });
      await picker.waitFor();
      const [snoozeDay, snoozeTime] = dayAndTime(picker.getByRole('group', { name: 'Or until' }));
      expect(await snoozeDay.inputValue()).toBe(person.day(daysAhead(1, 0, 0)));
      expect(await snoozeTime.inputValue()).toMatch(person.timePattern);
      const until = daysAhead(4, 18, 45);
      await typeOver(page, snoozeDay, person.day(until));
      await typeOver(page, snoozeTime, person.typeEvening);
      await page.screenshot({ path: artifactPath(`${tag}-snooze.png`) });
      await page.keyboard.press('Enter');
      await picker.waitFor({ state: 'detached' });
      await expect
        .poll(async () => (await thread(service, 'Spoke tension'))?.team.snoozedUntil, { timeout: 10_000 })
        .toBe(until.getTime());
      expect(errors).toEqual([]);
    }, 120_000);
  }
});
