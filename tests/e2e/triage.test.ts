import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { WebSocket } from 'ws';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath, launchChromium } from '../support/browser';
import { startBridge, type Bridge } from '../../src/main/bridge/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the real renderer in Chromium, against the real engine and Dovecot', () => {
  let bridge: Bridge | undefined;
  afterAll(async () => bridge?.close());

  it('shows a delivered customer email and opens it from the keyboard', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    bridge = await startBridge(service);

    await world.deliverMail({
      from: 'Hana Ito <hana@customer.example>',
      to: support.address,
      subject: 'Older question about gears',
      text: 'My gears skip under load.',
      date: new Date(Date.now() - 3_600_000),
    });
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `${inject('rendererUrl')}#bridge=${encodeURIComponent(bridge.url)}&token=${encodeURIComponent(bridge.token)}`,
    );
    await page.getByRole('button', { name: 'Sync' }).click();
    await page.getByText('Older question about gears').waitFor();

    // New mail arrives; the service's change event refreshes the list without a reload.
    await world.deliverMail({
      from: 'Ivan Petrov <ivan@customer.example>',
      to: support.address,
      subject: 'Refund for order 5521',
      text: 'The saddle I ordered does not fit. How do I return it?',
    });
    await service.syncNow();
    await page.getByText('Refund for order 5521').waitFor();

    const rows = page.getByRole('option');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Ivan Petrov');
    // The selection stays on the thread it was on when new mail pushes it down.
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('k');
    await expect.poll(() => rows.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('j');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => rows.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Refund for order 5521/ }).waitFor();
    expect(await page.locator('.message-text').first().textContent()).toBe(
      'The saddle I ordered does not fit. How do I return it?',
    );
    await page.screenshot({ path: artifactPath('triage-thread-open.png') });

    await page.keyboard.press('Escape');
    await page.getByRole('listbox', { name: 'Conversations' }).waitFor();
    await page.screenshot({ path: artifactPath('triage-list.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the bridge refuses a connection without the token and a call with invalid arguments', async () => {
    const world = await mailWorld();
    const { service } = await startEngine(world, await world.createMailbox('support'));
    const b = await startBridge(service);
    try {
      const refused = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${b.url}/?token=wrong`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(200));
      });
      expect(refused).toBe(401);
      const noToken = await new Promise<number>((resolve) => {
        const ws = new WebSocket(b.url);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(200));
      });
      expect(noToken).toBe(401);

      const ws = new WebSocket(`${b.url}/?token=${encodeURIComponent(b.token)}`);
      await new Promise((resolve) => ws.on('open', resolve));
      const ask = (payload: string) =>
        new Promise<unknown>((resolve) => {
          ws.once('message', (data) => resolve(JSON.parse(String(data))));
          ws.send(payload);
        });
      expect(await ask(JSON.stringify({ id: 1, call: 'thread.get', args: { id: 'DROP TABLE' } }))).toMatchObject({
        id: 1,
        outcome: { ok: false, error: { code: 'invalid-arguments', message: expect.stringMatching(/^id:/) } },
      });
      expect(
        await ask(JSON.stringify({ id: 2, call: 'account.save', args: { address: 'not an address' } })),
      ).toMatchObject({ id: 2, outcome: { ok: false, error: { code: 'invalid-arguments' } } });
      expect(await ask('not json')).toMatchObject({ outcome: { ok: false, error: { code: 'invalid-arguments' } } });
      expect(await ask(JSON.stringify({ id: 3, call: 'nope', args: {} }))).toMatchObject({
        id: 3,
        outcome: { ok: false, error: { code: 'unknown-call' } },
      });
      // No effect: the account is unchanged.
      expect(await ask(JSON.stringify({ id: 4, call: 'account.get', args: {} }))).toMatchObject({
        id: 4,
        outcome: { ok: true, value: { displayName: 'Support' } },
      });
      ws.close();
    } finally {
      await b.close();
    }
  });
});
