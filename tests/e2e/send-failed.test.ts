import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

describe('a send the SMTP server refuses is never silent (Chromium, real engine, Dovecot, SMTP)', () => {
  it('550: a toast with the server’s reason and what to do, the row says Not sent, the Outbox explains and retries on request', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const customer = await world.createMailbox('nina', 'customer.example');
    const { service } = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: '' });
    service.outbox({ undoMs: 0 });
    await world.deliverMail({
      from: `Nina Park <${customer.address}>`,
      to: support.address,
      subject: 'Refund for order 912',
      text: 'Can I get a refund?',
    });
    await service.startLive();
    const { page, errors } = await chromium.openApp(service, { viewport: { width: 1280, height: 800 } });
    const row = page.getByRole('option').filter({ hasText: 'Refund for order 912' });
    await row.waitFor();

    // The server refuses the next message from this mailbox after DATA.
    await world.failNext(550, '5.7.1 Message rejected: sender not allowed to relay', { from: support.address });
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Refund for order 912/ }).waitFor();
    await page.keyboard.press('c'); // courtesy reply
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Control+Enter');

    const toast = page.getByRole('alert').filter({ hasText: /^Not sent: / });
    await toast.waitFor({ timeout: 15_000 });
    const text = (await toast.textContent()) ?? '';
    expect(text).toContain('5.7.1 Message rejected: sender not allowed to relay');
    expect(text).toContain('Nothing was sent');
    expect(text).toContain('retry');
    await expect.poll(() => row.getByRole('img', { name: /^Not sent/ }).count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: artifactPath('send-failed-toast-row.png') });

    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('b'); // g b: the Outbox
    const item = page.getByRole('listitem', { name: /Not sent$/ });
    await item.waitFor();
    expect(await item.textContent()).toContain(`Nothing reached ${customer.address}`);
    expect(await item.textContent()).toContain('550');
    await page.screenshot({ path: artifactPath('send-failed-outbox.png') });
    expect((await world.smtpMessages({ to: customer.address })).length).toBe(0);

    // Retry on request: this time the server takes it, once.
    await item.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(async () => (await world.smtpMessages({ to: customer.address })).length, { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => row.getByRole('img', { name: /^Not sent/ }).count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
    await service.stopLive();
    await page.close();
  });
});
