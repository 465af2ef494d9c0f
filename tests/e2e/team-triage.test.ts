import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

describe('keyboard-only triage with the team features (real engine, Dovecot, SMTP)', () => {
  it('claim with a, courtesy reply with c and Ctrl+Enter, the deadline becomes the promise, e closes and the next opens', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const customer = await world.createMailbox('lena', 'customer.example');
    const { service } = await startEngine(world, support);
    await service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example', signature: 'Alice, Acme' });
    service.outbox({ undoMs: 0 }); // no undo wait in the test (the UI still shows the toast)
    await world.deliverMail({
      from: 'Omar Haddad <omar@customer.example>',
      to: support.address,
      subject: 'Spoke tension',
      text: 'Wheel wobbles.',
      date: new Date(Date.now() - 7_200_000),
    });
    await world.deliverMail({
      from: `Lena Vogt <${customer.address}>`,
      to: support.address,
      subject: 'Delivery date for order 77',
      text: 'When will order 77 arrive?',
    });
    await service.startLive();

    const { page, errors } = await chromium.openApp(service, {
      viewport: { width: 1280, height: 800 },
      beforeLoad: (blank) =>
        blank.addInitScript(() => {
          const w = window as unknown as { pointerEvents: number };
          w.pointerEvents = 0;
          for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'wheel'])
            window.addEventListener(
              type,
              (e) => ((e as MouseEvent).detail > 0 || type !== 'click' ? (w.pointerEvents += 1) : 0),
              true,
            );
        }),
    });
    const rows = page.getByRole('option');
    await rows.filter({ hasText: 'Delivery date for order 77' }).waitFor();
    await expect.poll(() => rows.first().textContent()).toContain('Delivery date for order 77');
    // Newest first and unassigned, with a calm 24 h chip.
    await expect.poll(() => rows.first().getByRole('img', { name: 'Unassigned' }).count()).toBe(1);
    await expect
      .poll(() =>
        rows
          .first()
          .getByLabel(/^Reply due in/)
          .count(),
      )
      .toBe(1);

    await page.keyboard.press('a'); // claim the selected conversation
    await expect
      .poll(
        () =>
          rows
            .first()
            .getByRole('img', { name: /^Owner: Alice Moreno$/ })
            .count(),
        { timeout: 5000 },
      )
      .toBe(1);

    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Delivery date for order 77/ }).waitFor();
    await page.keyboard.press('c'); // courtesy reply
    const composer = page.getByRole('region', { name: 'Courtesy reply' }).or(page.getByLabel('Courtesy reply'));
    await composer.first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Control+Enter');

    // The customer got the courtesy reply once; the thread now waits, due at the promise.
    await expect
      .poll(async () => (await world.smtpMessages({ to: customer.address })).length, { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(
        async () =>
          (await service.call('threads.list', {})).find((t) => t.subject === 'Delivery date for order 77')?.due?.reason,
        { timeout: 8000 },
      )
      .toBe('promise');
    // The row shows the promise as a chip and still names the customer, not the team's reply.
    const promised = rows.filter({ hasText: 'Delivery date for order 77' });
    await expect.poll(() => promised.getByLabel(/^Answer promised by /).count(), { timeout: 8000 }).toBe(1);
    await expect.poll(() => promised.locator('.tw-due').textContent()).toMatch(/^Promised /);
    await expect.poll(() => promised.locator('.sender').textContent()).toBe('Lena Vogt');
    expect(await promised.getByLabel('Waiting on customer').count()).toBe(0);
    // The thread header and the activity say it in words.
    await expect
      .poll(() => page.getByRole('note').first().textContent(), { timeout: 8000 })
      .toMatch(/^We promised Lena Vogt an answer by /);
    await expect
      .poll(() => page.getByRole('region', { name: 'Activity' }).textContent(), { timeout: 8000 })
      .toContain('Alice Moreno promised Lena Vogt an answer by ');
    await page.screenshot({ path: artifactPath('team-courtesy-sent.png') });

    await page.keyboard.press('e'); // close: the next conversation opens
    await page.getByRole('article', { name: /Spoke tension/ }).waitFor({ timeout: 8000 });
    await expect
      .poll(async () => (await service.call('threads.list', { view: 'closed' })).map((t) => t.subject), {
        timeout: 8000,
      })
      .toEqual(['Delivery date for order 77']);
    // The close says so, with Undo; z undoes it and the conversation is open again.
    await page.getByRole('status').filter({ hasText: 'Closed “Delivery date for order 77”' }).waitFor();
    await page.screenshot({ path: artifactPath('team-closed-undo-toast.png') });
    await page.keyboard.press('z');
    await expect
      .poll(async () => (await service.call('threads.list', { view: 'closed' })).length, { timeout: 8000 })
      .toBe(0);
    await page.getByRole('article', { name: /Delivery date for order 77/ }).waitFor({ timeout: 8000 });
    await page.keyboard.press('e'); // and closed again, for good
    await expect
      .poll(async () => (await service.call('threads.list', { view: 'closed' })).map((t) => t.subject), {
        timeout: 8000,
      })
      .toEqual(['Delivery date for order 77']);

    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('m'); // go to Mine
    await expect.poll(() => page.getByRole('button', { name: /^Mine/ }).getAttribute('aria-current')).toBe('page');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: artifactPath('team-mine-dark.png') });
    expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
    expect(errors).toEqual([]);
    await service.stopLive();
    await page.close();
  });
});
