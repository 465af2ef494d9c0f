import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, evaluated in the page (through the debugger, so the app's CSP stays as shipped). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule axe found broken on a screen, with where. */
export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Puts axe-core in the page once. */
export async function loadAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
}

/**
 * Runs axe-core on the whole page (WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices) and
 * returns what it found, most severe first.
 */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  await loadAxe(page);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    const order = ['critical', 'serious', 'moderate', 'minor'];
    return result.violations
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? 'minor',
        help: v.help,
        targets: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      }))
      .sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact));
  });
}

/** The problems a person using a screen reader, a keyboard or low vision would be stopped by. */
export function blocking(problems: AxeProblem[]): AxeProblem[] {
  return problems.filter((p) => p.impact === 'critical' || p.impact === 'serious');
}

/** Waits for the thread list of a view to have loaded. */
async function listReady(page: Page): Promise<void> {
  await page.locator('#thread-list[aria-busy="false"]').waitFor();
}

/** Presses keys one after another. */
async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** Opens an overlay with `keys`, lets `visit` look at it, and closes it with Esc. */
async function overlay(page: Page, keys: string[], role: 'dialog', name: string | RegExp, visit: () => Promise<void>) {
  await press(page, ...keys);
  const dialog = page.getByRole(role, { name });
  await dialog.waitFor();
  await visit();
  await press(page, 'Escape');
  await dialog.waitFor({ state: 'detached' });
}

/** The team views and screens, in the sidebar's order, with their `g` keys. */
export const VIEW_KEYS: ReadonlyArray<[string, string]> = [
  ['mine', 'm'],
  ['unassigned', 'u'],
  ['due-soon', 'd'],
  ['overdue', 'o'],
  ['waiting', 'w'],
  ['closed', 'c'],
  ['all', 'a'],
  ['outbox', 'b'],
  ['could-not-read', 'x'],
  ['dashboard', 's'],
  ['settings', ','],
];

/** Waits until a view shows what it holds. */
async function viewReady(page: Page, view: string): Promise<void> {
  if (view === 'outbox') await page.locator('#outbox-view').waitFor();
  else if (view === 'dashboard') await page.getByRole('figure', { name: 'Open threads by age' }).waitFor();
  else if (view === 'settings') await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  else if (view === 'could-not-read') await page.locator('#unreadable-list').waitFor();
  else await listReady(page);
}

/**
 * Walks every screen of the demo from the first launch, by keyboard where the app has keys:
 * welcome, setup, the list, an open conversation, the reply composer, the snooze and assign
 * pickers, the palette, the shortcut help, then each view and screen. `visit(name)` runs on each.
 */
export async function walkDemo(page: Page, visit: (screen: string) => Promise<void>): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to Promptly' }).waitFor();
  await visit('welcome');
  await page.getByRole('button', { name: /Connect your team’s mailbox/ }).click();
  await page.getByRole('heading', { name: 'Connect your team’s mailbox' }).waitFor();
  await visit('setup');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: /Explore the demo/ }).click();
  await page.getByRole('option').first().waitFor({ timeout: 60_000 });
  await listReady(page);
  await visit('inbox');

  await press(page, 'Enter');
  await page.locator('#thread-pane h1').waitFor();
  await page.getByRole('complementary', { name: 'Customer' }).waitFor();
  await visit('conversation');
  await press(page, 'r');
  const composer = page.getByRole('region', { name: 'Reply' });
  await composer.waitFor();
  await visit('composer');
  await composer.getByRole('button', { name: 'Close the composer (Esc)' }).click();
  await composer.waitFor({ state: 'detached' });
  await page.locator('#thread-pane').focus();
  await overlay(page, ['h'], 'dialog', 'Snooze conversation', () => visit('snooze-picker'));
  await overlay(page, ['Shift+A'], 'dialog', 'Assign conversation', () => visit('assign-picker'));
  await overlay(page, ['Control+k'], 'dialog', 'Command palette', () => visit('palette'));
  await overlay(page, ['Shift+?'], 'dialog', 'Keyboard shortcuts', () => visit('shortcut-help'));
  await press(page, 'Escape');
  await page.locator('#thread-pane').waitFor({ state: 'detached' });

  for (const [view, key] of VIEW_KEYS) {
    await press(page, 'g', key);
    await viewReady(page, view);
    await visit(view);
  }
}

/**
 * What is cut or overlapping on the screen as shown, measured in the page: a view in the sidebar
 * narrower than 40 px or with its count touching its label, initials spilling out of an avatar,
 * a row whose lines run past its bottom, a pane or dialog wider than its box (text cut at the
 * side), and a dialog whose Close button is out of the window.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const box = (el: Element) => el.getBoundingClientRect();
    const name = (el: Element) => (el.textContent ?? '').trim().slice(0, 40);
    for (const view of document.querySelectorAll('.sidebar .view')) {
      const b = box(view);
      if (b.width < 40 || b.height < 16) problems.push(`sidebar entry "${name(view)}" is ${b.width}×${b.height} px`);
      const label = view.querySelector('.view-label');
      const count = view.querySelector('.view-count');
      if (label && count) {
        const l = box(label);
        const c = box(count);
        const sameLine = c.top < l.bottom && l.top < c.bottom;
        if (sameLine && c.left - l.right < 4) problems.push(`sidebar count runs into its label: "${name(view)}"`);
      }
    }
    for (const avatar of document.querySelectorAll('.tw-avatar')) {
      const text = document.createRange();
      text.selectNodeContents(avatar);
      const t = text.getBoundingClientRect();
      const a = box(avatar);
      if (t.width > 0 && (t.left < a.left - 0.5 || t.right > a.right + 0.5))
        problems.push(`initials "${name(avatar)}" spill out of their avatar`);
    }
    for (const row of document.querySelectorAll('.thread-row')) {
      const r = box(row);
      for (const line of row.children)
        if (box(line).bottom > r.bottom + 1) problems.push(`row "${name(row)}" cuts its ${line.className} line`);
    }
    // The views may scroll sideways in a narrow window (one row), as long as the current one is in sight.
    const views = document.querySelector('.sidebar');
    const current = document.querySelector('.sidebar .current');
    if (views && current && (box(current).left < box(views).left - 1 || box(current).right > box(views).right + 1))
      problems.push(`the current view "${name(current)}" is scrolled out of the views`);
    const panes = '.customer-panel, .thread-pane, .screen-pane, .dialog, .tw-composer, .setup, .welcome';
    for (const pane of document.querySelectorAll(panes))
      if (pane.scrollWidth > pane.clientWidth + 1)
        problems.push(`${pane.className} is ${pane.scrollWidth} px wide in a ${pane.clientWidth} px box`);
    for (const dialog of document.querySelectorAll('[role="dialog"]')) {
      const close = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Close');
      if (close && box(close).bottom > window.innerHeight)
        problems.push(`the Close button of a dialog is below the window`);
    }
    return [...new Set(problems)];
  });
}
