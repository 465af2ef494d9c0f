import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { firstLaunch } from '../support/firstLaunch';

const chromium = useChromium();
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the demo shows promises (Chromium, real engine, keyboard only)', () => {
  it('Promised lists the open promises, a thread says how its promise ended, and the dashboard charts promises kept', async () => {
    const app = await firstLaunch(chromium.browser);
    cleanups.push(app.close);
    const { page, errors } = app;
    await page.getByRole('button', { name: /Explore the demo/ }).press('Enter');
    await page.getByRole('option').first().waitFor({ timeout: 60_000 });

    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await page.getByText('Answers we promised customers, the earliest promised date first.').waitFor();
    const promised = page.getByRole('option');
    await expect.poll(() => promised.count()).toBeGreaterThan(2);
    await expect
      .poll(() =>
        promised
          .first()
          .getByLabel(/^Answer promised by /)
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: artifactPath('demo-promised-view.png') });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('region', { name: 'Activity' }).textContent(), { timeout: 8000 })
      .toMatch(/promised .+ an answer by /);

    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    const chart = page.getByRole('figure', { name: 'Promises kept' });
    await chart.waitFor({ timeout: 15_000 });
    // The chart's table of numbers has at least one week with a share of promises kept.
    await expect.poll(async () => (await chart.textContent()) ?? '').toMatch(/\d+(\.\d)?\s?%/);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('demo-dashboard-promises.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
