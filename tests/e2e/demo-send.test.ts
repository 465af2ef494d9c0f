import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { firstLaunch } from '../support/firstLaunch';
import { TestClock } from '../support/engine';
import type { PromptlyService } from '../../src/main/service/service';
import { ANSWER_DELAY_MS } from '../../src/main/demo/answers';

const DAY = 86_400_000;

const chromium = useChromium();
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** `g` then `key`: the sidebar marks `label` as the current view. */
async function goTo(page: Page, key: string, label: string): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.press(key);
  await expect
    .poll(() => page.getByRole('button', { name: new RegExp(`^${label}`) }).getAttribute('aria-current'))
    .toBe('page');
}

/** Moves the engine's clock and the page's clock forward together. */
async function skip(clock: TestClock, page: Page, ms: number): Promise<void> {
  clock.advance(ms);
  await page.clock.fastForward(ms);
}

/** What a conversation shows, HTML bodies (isolated frames) included. */
async function shownText(article: Locator): Promise<string> {
  const frames = article.locator('iframe');
  const bodies: string[] = [];
  for (let i = 0; i < (await frames.count()); i++)
    bodies.push((await frames.nth(i).contentFrame().locator('body').textContent()) ?? '');
  return [(await article.textContent()) ?? '', ...bodies].join('\n');
}

/** Subjects of unassigned conversations whose customer waits for a first answer. */
async function waitingForUs(service: PromptlyService): Promise<Set<string>> {
  const rows = await service.call('threads.list', { view: 'unassigned', limit: 1000 });
  return new Set(
    rows
      .filter((t) => t.due?.reason === 'first-response' && !t.from.address.endsWith('@harbourbikes.example'))
      .map((t) => t.subject),
  );
}

/** `j` down the list until a conversation of `subjects` is highlighted; returns its subject. */
async function highlightOneOf(page: Page, subjects: Set<string>): Promise<string> {
  for (let i = 0; i < 60; i++) {
    const selected = page.locator('[role="option"][aria-selected="true"]');
    const text = (await selected.count()) > 0 ? ((await selected.first().textContent()) ?? '') : '';
    const hit = [...subjects].find((s) => text.includes(s));
    if (hit) return hit;
    await page.keyboard.press('j');
  }
  throw new Error('no conversation waiting for a first answer near the top of Unassigned');
}

/** A local "2026-12-24T17:30" (the browser's zone is this process's zone); its day part is read in every locale. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('the demo sends (Chromium, real engine through the bridge, clock injected)', () => {
  it('a courtesy reply with a date is queued, then sent and promised; the customer answers and the thread is back in the queue', async () => {
    const clock = new TestClock();
    const app = await firstLaunch(chromium.browser, { now: clock.now });
    cleanups.push(app.close);
    const { service, page, errors } = app;
    await page.getByRole('button', { name: /Explore the demo/ }).press('Enter');
    await page.getByRole('option').first().waitFor({ timeout: 60_000 });

    // Open a conversation whose customer is waiting for us.
    await goTo(page, 'u', 'Unassigned');
    const subject = await highlightOneOf(page, await waitingForUs(service));
    // Followed by its id from here on: the demo's mailbox, made for the day, may hold its subject twice.
    const threadId = Number(await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-thread-id'));
    const rowOfThread = page.locator(`[role="option"][data-thread-id="${threadId}"]`);
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    const customer = (await service.call('thread.get', { id: threadId })).thread.from.name;

    // A courtesy reply promising an answer the day after tomorrow at noon.
    await page.keyboard.press('c');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    const day = new Date(clock.now() + 2 * DAY);
    day.setHours(12, 0, 0, 0);
    const promise = page.getByRole('group', { name: 'Promise an answer by' });
    await promise.getByRole('combobox', { name: 'Day' }).fill(localInput(day.getTime()).slice(0, 10));
    await promise.getByRole('combobox', { name: 'Time' }).fill('12:00');
    await page.keyboard.press('Tab'); // left, both fields show what they read, the person's way
    const shown = async () => [
      await promise.getByRole('combobox', { name: 'Day' }).inputValue(),
      await promise.getByRole('combobox', { name: 'Time' }).inputValue(),
    ];
    const promised = await shown();
    await page.keyboard.press('Control+Enter');

    // Queued, with Undo: Undo brings the composer back as it was; sent again, it is queued again.
    const toast = page.getByText(/^Reply queued\. Promised by /);
    await toast.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Undo' }).click();
    const composer = page.getByRole('region', { name: 'Courtesy reply' });
    await composer.waitFor();
    expect(await shown()).toEqual(promised);
    await composer.locator('textarea').first().focus();
    await page.keyboard.press('Control+Enter');
    await toast.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: artifactPath('demo-send-queued.png') });
    await page.keyboard.press('Escape');
    await goTo(page, 'b', 'Outbox');
    const item = page.getByRole('listitem', { name: new RegExp(`${subject.slice(0, 20)}.*: Queued$`) });
    await item.waitFor();
    await page.screenshot({ path: artifactPath('demo-send-outbox-queued.png') });

    // The undo window passes on the engine's clock: the demo's postman "sends" and files it.
    await skip(clock, page, 11_000);
    await page.getByRole('listitem', { name: new RegExp(`${subject.slice(0, 20)}.*: Sent$`) }).waitFor({
      timeout: 15_000,
    });
    await page.screenshot({ path: artifactPath('demo-send-outbox-sent.png') });
    const sentAt = clock.now();

    // The promise: its chip in Promised, the header line and the activity in words.
    await goTo(page, 'p', 'Promised');
    const row = rowOfThread;
    await expect.poll(() => row.getByLabel(/^Answer promised by .*\(on time\)$/).count(), { timeout: 10_000 }).toBe(1);
    expect(await row.locator('.sender').textContent()).toBe(customer);
    while ((await row.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const article = page.getByRole('article').first();
    await expect
      .poll(() => article.getByRole('note').first().textContent(), { timeout: 8000 })
      .toMatch(new RegExp(`^We promised ${customer} an answer by `));
    await expect
      .poll(() => page.getByRole('region', { name: 'Activity' }).textContent(), { timeout: 8000 })
      .toContain(`Alice Moreno promised ${customer} an answer by `);
    // The reply is in the conversation (filed in the demo's Sent).
    await expect.poll(() => shownText(article), { timeout: 10_000 }).toContain('will get back to you by');
    await page.screenshot({ path: artifactPath('demo-send-promised.png') });

    // Within a minute on the engine's clock the customer answers: the reply clock starts again.
    await skip(clock, page, ANSWER_DELAY_MS.max + 1000);
    await expect
      .poll(async () => (await service.call('thread.get', { id: threadId })).messages.at(-1)?.fromTeam, {
        timeout: 15_000,
      })
      .toBe(false);
    const answer = (await service.call('thread.get', { id: threadId })).messages.at(-1)!;
    expect(answer.date - sentAt).toBeLessThanOrEqual(ANSWER_DELAY_MS.max);
    await expect.poll(() => shownText(article), { timeout: 10_000 }).toContain(answer.text.split('\n')[0]!);
    await page.keyboard.press('Escape');
    await goTo(page, 'u', 'Unassigned');
    const back = rowOfThread;
    await back.first().waitFor({ timeout: 10_000 });
    expect((await service.call('thread.get', { id: threadId })).thread.due?.reason).toBe('next-response');
    while ((await back.first().getAttribute('aria-selected')) !== 'true') await page.keyboard.press('j');
    await page.screenshot({ path: artifactPath('demo-send-answered.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => shownText(article), { timeout: 10_000 }).toContain(answer.text.split('\n')[0]!);
    // The promised answer is still owed: the header keeps saying so.
    await expect
      .poll(() => article.getByRole('note').first().textContent(), { timeout: 8000 })
      .toMatch(new RegExp(`^We promised ${customer} an answer by `));
    await article.getByText(answer.text.split('\n')[0]!).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('demo-send-answered-thread.png') });

    // Sent once: one reply of ours in the thread; the outbox holds it sent and the undone one cancelled.
    expect((await service.call('thread.get', { id: threadId })).messages.filter((m) => m.fromTeam)).toHaveLength(1);
    expect((await service.call('outbox.list', {})).map((i) => i.state).sort()).toEqual(['cancelled', 'filed']);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
