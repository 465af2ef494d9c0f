import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/browser';
import { firstLaunch } from '../support/firstLaunch';
import { axeProblems, blocking, walkDemo, type AxeProblem } from './screens';

let browser: Browser;
const cleanups: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser?.close();
});

/** What axe found on one screen in one theme. */
interface Finding {
  screen: string;
  theme: 'light' | 'dark';
  problems: AxeProblem[];
}

/** Checks the screen in the light and the dark theme, with a 1280×720 screenshot of each. */
async function checkBothThemes(page: Page, screen: string, findings: Finding[]): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: artifactPath(`a11y-${screen}-${theme}.png`) });
    findings.push({ screen, theme, problems: await axeProblems(page) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('accessibility of every screen (axe-core in Chromium, real renderer, real engine)', () => {
  it('welcome, setup, the demo list, a conversation, the composer, pickers, palette, help and every view: no serious or critical problem, light or dark', async () => {
    const app = await firstLaunch(browser, {}, { width: 1280, height: 720 });
    cleanups.push(app.close);
    const findings: Finding[] = [];
    const screens: string[] = [];
    await walkDemo(app.page, async (screen) => {
      screens.push(screen);
      await checkBothThemes(app.page, screen, findings);
    });

    expect(screens).toEqual(
      expect.arrayContaining(['welcome', 'setup', 'inbox', 'conversation', 'composer', 'snooze-picker']),
    );
    expect(findings).toHaveLength(screens.length * 2);
    // Lesser findings (best-practice landmarks and headings) are listed for whoever looks next.
    const lesser = findings.flatMap((f) =>
      f.problems.filter((p) => !blocking([p]).length).map((p) => `${f.screen}/${f.theme}: ${p.impact} ${p.rule}`),
    );
    if (lesser.length > 0) console.info(`axe, not blocking:\n${[...new Set(lesser)].join('\n')}`);
    const serious = findings.flatMap((f) =>
      blocking(f.problems).map(
        (p) => `${f.screen}/${f.theme}: ${p.impact} ${p.rule} (${p.help})\n  ${p.targets.join('\n  ')}`,
      ),
    );
    expect(serious).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 240_000);
});
