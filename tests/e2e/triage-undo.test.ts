import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

describe('triage without surprises (real engine, Dovecot, keyboard only)', () => {
  it('after h the pane follows the highlight and e closes that one; z brings it back; x x x then e closes three', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    const subjects = ['Saddle creaks', 'Chain rusty', 'Bell missing', 'Tyre flat', 'Light broken'];
    for (const [i, subject] of subjects.entries())
      await world.deliverMail({
        from: `Customer ${i} <c${i}@customer.example>`,
        to: support.address,
        subject,
        text: `About: ${subject}`,
        date: new Date(Date.now() - (i + 1) * 600_000),
      });
    await service.syncNow();

    const { page, errors } = await chromium.openApp(service, { viewport: { width: 1280, height: 720 } });
    const rows = page.getByRole('option');
    await rows.filter({ hasText: 'Light broken' }).waitFor();
    const closedSubjects = async () =>
      (await service.call('threads.list', { view: 'closed' })).map((t) => t.subject).sort();

    // Open the newest, snooze it with the picker's arrow keys: the pane moves to the next row.
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Saddle creaks/ }).waitFor();
    await page.keyboard.press('h');
    await page.getByRole('dialog', { name: 'Snooze conversation' }).waitFor();
    const choice = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    // "Later today" is left out late in the evening, so the choices are found from the end.
    await page.keyboard.press('Home');
    await expect.poll(choice).toMatch(/^(Later today|Tomorrow morning)/);
    await page.keyboard.press('End');
    await expect.poll(choice).toMatch(/^Next week/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(choice).toMatch(/^Tomorrow morning/);
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Chain rusty/ }).waitFor({ timeout: 8000 });
    await page.getByRole('status').filter({ hasText: 'Snoozed “Saddle creaks” until' }).waitFor();

    // e acts on what is on screen and highlighted, never on the snoozed thread.
    await page.keyboard.press('e');
    await expect.poll(() => closedSubjects(), { timeout: 8000 }).toEqual(['Chain rusty']);
    await page.getByRole('article', { name: /Bell missing/ }).waitFor({ timeout: 8000 });
    await page.screenshot({ path: artifactPath('triage-undo-toast.png') });

    // z brings the closed thread back, and the pane with it.
    await page.keyboard.press('z');
    await expect.poll(() => closedSubjects(), { timeout: 8000 }).toEqual([]);
    await page.getByRole('article', { name: /Chain rusty/ }).waitFor({ timeout: 8000 });

    // x marks three rows (All still lists the snoozed one, marked Snoozed); e closes all three.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('x');
      await page.keyboard.press('j');
    }
    await expect.poll(() => page.locator('.thread-row.marked').count()).toBe(3);
    await page.screenshot({ path: artifactPath('triage-three-marked.png') });
    await page.keyboard.press('e');
    await page.getByRole('status').filter({ hasText: 'Closed 3 conversations' }).waitFor({ timeout: 8000 });
    await expect
      .poll(async () => closedSubjects(), { timeout: 8000 })
      .toEqual(['Bell missing', 'Chain rusty', 'Saddle creaks']);
    await page.keyboard.press('End');
    await expect.poll(() => rows.last().getAttribute('aria-selected')).toBe('true');
    // Due soon says what it holds: the team's window, and why it is empty.
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await expect
      .poll(() => page.locator('.view-header').textContent(), { timeout: 8000 })
      .toBe('Replies and promises due in the next 4 h (set the window in Team settings).');
    await expect
      .poll(() => page.locator('p.empty[role="status"]').textContent())
      .toBe('Nothing is due in the next 4 h.');
    await page.screenshot({ path: artifactPath('due-soon-empty.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
