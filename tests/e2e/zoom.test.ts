import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { firstLaunch } from '../support/firstLaunch';
import { layoutProblems, walkDemo } from './screens';

const chromium = useChromium();
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A 1280×720 window at 200 % zoom: 640×360 CSS pixels, two device pixels each. */
const ZOOMED = { width: 640, height: 360, deviceScaleFactor: 2 };

/** Measures an element's box in CSS pixels; fails when it is not on the page. */
async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box;
}

/** Checks that only a screen's own zoomed layout can: what a person would see cut or squeezed there. */
async function zoomedChecks(page: Page, screen: string): Promise<string[]> {
  const problems: string[] = [];
  if (!['welcome', 'setup'].includes(screen)) {
    const sidebar = await boxOf(page, '.sidebar');
    if (sidebar.width < ZOOMED.width - 20) problems.push(`${screen}: the views are ${sidebar.width} px wide`);
    if (sidebar.height > 48) problems.push(`${screen}: the views take ${sidebar.height} px of the height`);
  }
  if (screen === 'conversation') {
    // The message gets the pane's height; the customer comes after it, not beside or over it.
    const message = await boxOf(page, '.message');
    const customer = await boxOf(page, '.customer-panel');
    const pane = await boxOf(page, '.thread-layout');
    if (pane.height < ZOOMED.height / 3) problems.push(`conversation: the reading pane is ${pane.height} px high`);
    if (customer.y < message.y + message.height) problems.push('conversation: the customer panel covers the message');
    if (message.width < ZOOMED.width - 60) problems.push(`conversation: the message is ${message.width} px wide`);
  }
  if (screen === 'shortcut-help') {
    // The list scrolls by keyboard inside the dialog (the list behind does not move).
    const scrolled = async () => page.locator('.help-groups').evaluate((el) => el.scrollTop);
    const before = await scrolled();
    await page.keyboard.press('PageDown');
    await page
      .waitForFunction((top) => (document.querySelector('.help-groups')?.scrollTop ?? 0) > top, before, {
        timeout: 5_000,
      })
      .catch(() => undefined);
    if ((await scrolled()) <= before) problems.push('shortcut help: Page Down does not scroll the list');
  }
  return problems;
}

describe('200 % zoom and a 1280×720 window (Chromium, real renderer, the demo)', () => {
  it('at 200 % every screen keeps its views, counts, initials, rows and dialogs whole; the conversation has the height', async () => {
    const app = await firstLaunch(chromium.browser, {}, ZOOMED);
    cleanups.push(app.close);
    const problems: string[] = [];
    const screens: string[] = [];
    await walkDemo(app.page, async (screen) => {
      screens.push(screen);
      await app.page.screenshot({ path: artifactPath(`zoom200-${screen}.png`) });
      problems.push(...(await layoutProblems(app.page)).map((p) => `${screen}: ${p}`));
      problems.push(...(await zoomedChecks(app.page, screen)));
    });
    expect(screens).toContain('dashboard');
    expect(problems).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 240_000);

  it('at 1280×720 nothing is cut or overlapping either', async () => {
    const app = await firstLaunch(chromium.browser, {}, { width: 1280, height: 720 });
    cleanups.push(app.close);
    const problems: string[] = [];
    await walkDemo(app.page, async (screen) => {
      problems.push(...(await layoutProblems(app.page)).map((p) => `${screen}: ${p}`));
    });
    expect(problems).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 240_000);
});
