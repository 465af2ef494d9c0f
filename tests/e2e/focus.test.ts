import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mailWorld, startEngine } from '../support/engine';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

/** What has the keyboard, as tag#id or tag[role]; "body" when nothing has it. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const tag = el.tagName.toLowerCase();
    return el.id ? `${tag}#${el.id}` : `${tag}[${el.getAttribute('role') ?? ''}]`;
  });
}

/**
 * Where the keyboard is once it has left the field or overlay it was in: the page body only
 * counts if it stays there (the app moves a lost focus on the next frame, or within 250 ms).
 */
async function settled(page: Page): Promise<string> {
  await expect.poll(() => focused(page), { timeout: 3000 }).not.toMatch(/^(textarea|input|body$)/);
  return focused(page);
}

describe('focus always lands somewhere useful (real engine, Dovecot, SMTP, keyboard only)', () => {
  it('after Esc from a note, a send, and closing the pickers, the palette and the help, a key still works', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const customer = await world.createMailbox('nina', 'customer.example');
    const { service } = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    service.outbox({ undoMs: 0 });
    for (const subject of ['Brake cable', 'Pedal squeak'])
      await world.deliverMail({ from: `Nina Park <${customer.address}>`, to: support.address, subject, text: subject });
    await service.startLive();
    const { page, errors } = await chromium.openApp(service, { viewport: { width: 1280, height: 800 } });
    await page.getByRole('option').filter({ hasText: 'Pedal squeak' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Pedal squeak/ }).waitFor();
    const seen: Record<string, string> = {};

    await page.keyboard.press('n');
    await expect.poll(() => focused(page)).toMatch(/^textarea/);
    await page.keyboard.press('Escape');
    seen.note = await settled(page);

    for (const [key, name] of [
      ['h', 'snooze'],
      ['Shift+A', 'assign'],
      ['Shift+?', 'help'],
      ['Control+k', 'palette'],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => page.locator('.overlay').count()).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.overlay').count()).toBe(0);
      seen[name] = await settled(page);
    }

    await page.keyboard.press('r');
    await expect.poll(() => focused(page)).toMatch(/^textarea/);
    await page.keyboard.type('The new cable is on its way.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await world.smtpMessages({ to: customer.address })).length, { timeout: 10_000 })
      .toBe(1);
    seen.send = await settled(page);

    await page.keyboard.press('c');
    await expect.poll(() => focused(page)).toMatch(/^textarea/);
    await page.keyboard.press('Escape');
    seen.discard = await settled(page);

    // With a conversation open, every one of them hands the keyboard back to it.
    expect(seen).toEqual({
      note: 'article#thread-pane',
      snooze: 'article#thread-pane',
      assign: 'article#thread-pane',
      help: 'article#thread-pane',
      palette: 'article#thread-pane',
      send: 'article#thread-pane',
      discard: 'article#thread-pane',
    });
    // Back to the list with Esc: the list has the keyboard, and j moves in it.
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('div#thread-list');
    await page.keyboard.press('j');
    await expect.poll(() => focused(page)).toBe('div#thread-list');
    expect(errors).toEqual([]);
    await service.stopLive();
    await page.close();
  });
});
