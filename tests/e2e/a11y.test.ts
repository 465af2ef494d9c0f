import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { firstLaunch } from '../support/firstLaunch';
import { mailWorld, startEngine } from '../support/engine';
import { axeProblems, blocking, layoutProblems, walkDemo, type AxeProblem } from './screens';
import { contrastCheck, type ContrastCheck } from './contrast';

const chromium = useChromium();
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** What axe found on one screen in one theme. */
interface Finding {
  screen: string;
  theme: 'light' | 'dark';
  problems: AxeProblem[];
  contrast: ContrastCheck;
}

/** Checks the screen in the light and the dark theme, with a 1280×720 screenshot of each. */
async function checkBothThemes(page: Page, screen: string, findings: Finding[]): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: artifactPath(`a11y-${screen}-${theme}.png`) });
    const problems = await axeProblems(page);
    findings.push({ screen, theme, problems, contrast: await contrastCheck(page) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every serious or critical finding, one line each with where, for the assertion's diff. */
function seriousLines(findings: Finding[]): string[] {
  return findings.flatMap((f) =>
    blocking(f.problems).map(
      (p) => `${f.screen}/${f.theme}: ${p.impact} ${p.rule} (${p.help})\n  ${p.targets.join('\n  ')}`,
    ),
  );
}

/** Text below its contrast minimum, and where the measure disagrees with axe's, by screen and theme. */
function contrastLines(findings: Finding[]): { failures: string[]; disagreements: string[] } {
  const lines = (pick: (c: ContrastCheck) => string[]) =>
    findings.flatMap((f) => pick(f.contrast).map((line) => `${f.screen}/${f.theme}: ${line}`));
  const reviewed = findings.reduce((sum, f) => sum + f.contrast.reviewed, 0);
  const compared = findings.reduce((sum, f) => sum + f.contrast.compared, 0);
  const closest = findings
    .flatMap((f) => (f.contrast.closest ? [{ ...f.contrast.closest, screen: `${f.screen}/${f.theme}` }] : []))
    .sort((a, b) => a.ratio / a.minimum - b.ratio / b.minimum)[0];
  console.info(
    `contrast: ${reviewed} texts axe left for review measured, ${compared} compared with axe; lowest ` +
      (closest
        ? `${closest.ratio.toFixed(2)}:1 (needs ${closest.minimum}) ${closest.screen} ${closest.where}`
        : 'none'),
  );
  return { failures: lines((c) => c.failures), disagreements: lines((c) => c.disagreements) };
}

/** One line per screen and theme where `rule` found something, with where. */
function ruleLines(findings: Finding[], rule: string): string[] {
  return findings.flatMap((f) =>
    f.problems.filter((p) => p.rule === rule).map((p) => `${f.screen}/${f.theme}: ${p.targets.join('; ')}`),
  );
}

describe('accessibility of every screen (axe-core in Chromium, real renderer, real engine)', () => {
  it('welcome, setup, the demo list, a conversation, the composer, pickers, palette, help and every view: no serious or critical problem, one h1 each, light or dark', async () => {
    const app = await firstLaunch(chromium.browser, {}, { width: 1280, height: 720 });
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
    const serious = seriousLines(findings);
    expect(serious).toEqual([]);
    // Every screen has one h1 (visually hidden where the screen's heading is its layout).
    expect(ruleLines(findings, 'page-has-heading-one')).toEqual([]);
    // Text axe could not judge (off-screen rows, chart text, single characters) is measured too.
    expect(contrastLines(findings)).toEqual({ failures: [], disagreements: [] });
    expect(app.errors).toEqual([]);
  }, 240_000);

  it('on a real mailbox: a long customer address, the courtesy composer with its promise, a refused send’s toast and Outbox entry; checked at 1280×720 and at 200 %', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const customer = await world.createMailbox(
      'bartholomew.featherstonehaugh-worthington',
      'customer-relations.example',
    );
    const { service } = await startEngine(world, support);
    cleanups.push(() => service.stopLive());
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    service.outbox({ undoMs: 0 });
    await world.deliverMail({
      from: `Bartholomew Featherstonehaugh-Worthington <${customer.address}>`,
      to: support.address,
      subject: 'The rear derailleur of my touring bike skips under load on the two largest sprockets',
      text: 'It started after the last service. Could you have a look before the weekend?',
    });
    await service.startLive();
    const findings: Finding[] = [];
    const layout: string[] = [];
    for (const screen of [
      { width: 1280, height: 720, deviceScaleFactor: 1, name: '1280' },
      { width: 640, height: 360, deviceScaleFactor: 2, name: 'zoom200' },
    ]) {
      const { page, errors } = await chromium.openApp(service, {
        viewport: { width: screen.width, height: screen.height },
        deviceScaleFactor: screen.deviceScaleFactor,
      });
      const look = async (name: string) => {
        layout.push(...(await layoutProblems(page)).map((p) => `${screen.name} ${name}: ${p}`));
        await page.screenshot({ path: artifactPath(`mailbox-${name}-${screen.name}.png`) });
        if (screen.name === '1280') await checkBothThemes(page, `mailbox-${name}`, findings);
      };
      await page.getByRole('option').filter({ hasText: 'rear derailleur' }).waitFor({ timeout: 20_000 });
      await page.keyboard.press('Enter');
      const panel = page.getByRole('complementary', { name: 'Customer' });
      await panel.waitFor();
      expect(await panel.textContent()).toContain(customer.address);
      await look('conversation');

      await page.keyboard.press('c'); // courtesy reply: the promise date filled in
      const composer = page.getByRole('region', { name: 'Courtesy reply' });
      await composer.locator('textarea').first().waitFor();
      await look('courtesy-composer');
      // The server refuses it: a toast with its words, then the Outbox keeps the reply.
      await world.failNext(550, '5.7.1 Message rejected: sender not allowed to relay', { from: support.address });
      await page.locator('textarea').first().focus();
      await page.keyboard.press('Control+Enter');
      await page
        .getByRole('alert')
        .filter({ hasText: /^Not sent: / })
        .waitFor({ timeout: 15_000 });
      await look('send-refused');
      await page.keyboard.press('Escape');
      await page.keyboard.press('g');
      await page.keyboard.press('b');
      await page
        .getByRole('listitem', { name: /Not sent$/ })
        .first()
        .waitFor();
      await look('outbox-not-sent');
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(layout).toEqual([]);
    expect(seriousLines(findings)).toEqual([]);
    expect(ruleLines(findings, 'page-has-heading-one')).toEqual([]);
    expect(contrastLines(findings)).toEqual({ failures: [], disagreements: [] });
  }, 240_000);
});
