import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

describe('merge and split in the app (real engine, Dovecot, Chromium)', () => {
  it('keyboard only: x x, Shift+M, choose the survivor with the arrows, Enter; z undoes; split from a message, and the subject-fallback mark', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
    await world.deliverMail({
      from: 'Dora Diaz <dora@customer.example>',
      to: support.address,
      subject: 'Order 88 arrived broken',
      text: 'The frame is cracked.',
      date: minutesAgo(50),
    });
    await world.deliverMail({
      from: 'Dora Diaz <dora@customer.example>',
      to: support.address,
      subject: 'Photos of order 88',
      text: 'Photos attached.',
      date: minutesAgo(40),
    });
    await world.deliverMail({
      from: 'Eli Fox <eli@customer.example>',
      to: support.address,
      subject: 'Gift wrapping',
      text: 'Can you wrap it?',
      date: minutesAgo(30),
    });
    // No reply headers, same customer, "Re:": joined by the subject fallback.
    await world.deliverMail({
      from: 'Eli Fox <eli@customer.example>',
      to: support.address,
      subject: 'Re: Gift wrapping',
      text: 'Actually, a different question: do you ship to Norway?',
      date: minutesAgo(20),
    });
    await service.syncNow();
    const subjects = async () => (await service.call('threads.list', {})).map((t) => t.subject).sort();
    expect(await subjects()).toEqual(['Gift wrapping', 'Order 88 arrived broken', 'Photos of order 88']);

    const { page, errors } = await chromium.openApp(service, { viewport: { width: 1280, height: 720 } });
    const rows = page.getByRole('option');
    await rows.filter({ hasText: 'Order 88 arrived broken' }).waitFor();

    // Newest first: Gift wrapping, Photos of order 88, Order 88 arrived broken. Mark the two of order 88.
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(() => page.locator('.thread-row.marked').count()).toBe(2);
    await page.keyboard.press('Shift+M');
    const chooser = page.getByRole('dialog', { name: 'Merge conversations' });
    await chooser.waitFor();
    const highlighted = () => chooser.getByRole('option', { selected: true }).textContent();
    // The keys every picker shares: End and Home jump, PageDown stops at the last, ↑ at the first.
    await page.keyboard.press('End');
    await expect.poll(highlighted).toContain('Order 88 arrived broken');
    await page.keyboard.press('Home');
    await expect.poll(highlighted).toContain('Photos of order 88');
    await page.keyboard.press('ArrowUp');
    await expect.poll(highlighted).toContain('Photos of order 88');
    await page.keyboard.press('PageDown');
    await expect.poll(highlighted).toContain('Order 88 arrived broken');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await expect.poll(highlighted).toContain('Order 88 arrived broken');
    await page.screenshot({ path: artifactPath('merge-chooser.png') });
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Merged “Photos of order 88” into “Order 88 arrived broken”' })
      .waitFor({ timeout: 8000 });
    expect(await subjects()).toEqual(['Gift wrapping', 'Order 88 arrived broken']);
    await page.keyboard.press('Enter');
    const merged = page.getByRole('article', { name: /Order 88 arrived broken/ });
    await merged.waitFor({ timeout: 8000 });
    await expect.poll(() => merged.locator('section.message').count()).toBe(2);
    await page.screenshot({ path: artifactPath('merge-merged.png') });
    await expect
      .poll(async () => (await merged.locator('.tw-activity').allTextContents()).join(' '))
      .toContain('Alice Moreno merged “Photos of order 88” into “Order 88 arrived broken”');

    // z undoes: both conversations are back.
    await page.keyboard.press('z');
    await expect
      .poll(() => subjects(), { timeout: 8000 })
      .toEqual(['Gift wrapping', 'Order 88 arrived broken', 'Photos of order 88']);

    // The pane follows: the survivor has its own message again.
    await expect.poll(() => merged.locator('section.message').count(), { timeout: 8000 }).toBe(1);

    // The headerless follow-up says how it joined, and splits with the keyboard.
    // Esc hands the keys back to the list (on the next frame); then walk to the conversation by its row,
    // wherever the undo's reload put it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('thread-list');
    const giftAt = (await rows.allTextContents()).findIndex((text) => text.includes('Gift wrapping'));
    expect(giftAt).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Home');
    await expect.poll(() => rows.first().getAttribute('aria-selected')).toBe('true');
    for (let i = 1; i <= giftAt; i++) {
      await page.keyboard.press('j');
      await expect.poll(() => rows.nth(i).getAttribute('aria-selected')).toBe('true');
    }
    await page.keyboard.press('Enter');
    const gift = page.getByRole('article', { name: /Gift wrapping/ });
    await gift.waitFor({ timeout: 8000 });
    await gift.getByRole('note').filter({ hasText: 'Joined by subject' }).waitFor();
    await page.screenshot({ path: artifactPath('merge-joined-by-subject.png') });
    await gift.getByRole('button', { name: 'Not the same conversation? Split' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'into a conversation of its own' }).waitFor({ timeout: 8000 });
    expect(await subjects()).toEqual([
      'Gift wrapping',
      'Order 88 arrived broken',
      'Photos of order 88',
      'Re: Gift wrapping',
    ]);
    await page.screenshot({ path: artifactPath('merge-split.png') });
    // And z puts it back.
    await page.keyboard.press('z');
    await expect
      .poll(() => subjects(), { timeout: 8000 })
      .toEqual(['Gift wrapping', 'Order 88 arrived broken', 'Photos of order 88']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
