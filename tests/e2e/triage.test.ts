import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { appLink, loadRenderer, useChromium } from '../support/appPage';
import { startBridge } from '../../src/main/bridge/server';

const chromium = useChromium();

describe('the real renderer in Chromium, against the real engine and Dovecot', () => {
  it('keyboard-only triage: sync, j/k, open, customer history, Esc, / search with an operator, palette, help', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);

    const hour = 3_600_000;
    await world.deliverMail({
      from: 'Hana Ito <hana@customer.example>',
      to: support.address,
      subject: 'Older question about gears',
      text: 'My gears skip under load.',
      date: new Date(Date.now() - 3 * hour),
    });
    await world.deliverMail({
      from: 'Kenji Ito <kenji@customer.example>',
      to: support.address,
      subject: 'Invoice copy for March',
      text: 'Could you send the March invoice again?',
      date: new Date(Date.now() - 2 * hour),
    });
    await world.deliverMail({
      from: 'Hana Ito <hana@customer.example>',
      to: support.address,
      subject: 'Brake pads squeal',
      text: 'The new brake pads squeal when wet. The gears are fine now.',
      date: new Date(Date.now() - hour),
    });
    const { page, errors } = await chromium.openApp(service, {
      viewport: { width: 1280, height: 760 },
      beforeLoad: (blank) =>
        blank.addInitScript(() => {
          const w = window as unknown as { pointerEvents: number };
          w.pointerEvents = 0;
          for (const type of ['pointerdown', 'mousedown', 'mouseup', 'wheel'])
            window.addEventListener(type, () => (w.pointerEvents += 1), true);
        }),
    });
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    await expect.poll(focusedId).toBe('thread-list');

    // Shift+S syncs; the service's change event fills the list without a reload.
    await page.keyboard.press('Shift+S');
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.getByText('Brake pads squeal', { exact: true }).waitFor();
    const rows = list.getByRole('option');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain('Brake pads squeal');
    // Sidebar counts are asked at most once every 2 s while threads change (COUNTS_MIN_GAP_MS).
    await expect.poll(() => page.getByRole('button', { name: /^All, 3/ }).count(), { timeout: 10_000 }).toBe(1);

    // New mail arrives while the first row is selected: the selection stays on its thread.
    await world.deliverMail({
      from: 'Ivan Petrov <ivan@shop.example>',
      to: support.address,
      subject: 'Refund for order 5521',
      text: 'The saddle I ordered does not fit. How do I return it?',
    });
    await service.syncNow();
    await list.getByText('Refund for order 5521').waitFor();
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('j');
    await expect.poll(() => rows.nth(2).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const article = page.getByRole('article', { name: /Brake pads squeal/ });
    await article.waitFor();
    await expect.poll(focusedId).toBe('thread-pane');
    expect(await article.locator('.message-text').first().textContent()).toBe(
      'The new brake pads squeal when wet. The gears are fine now.',
    );
    // The customer panel: Hana's other thread, and Kenji from the same organisation.
    const customer = page.getByRole('complementary', { name: 'Customer' });
    await customer.getByText('Older question about gears').waitFor();
    await customer.getByText('Invoice copy for March').waitFor();
    expect(await customer.textContent()).toContain('Repeat contact');
    // j with a thread open reads the next one.
    await page.keyboard.press('j');
    await page.getByRole('article', { name: /Invoice copy for March/ }).waitFor();
    await page.screenshot({ path: artifactPath('triage-thread-open.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: artifactPath('triage-thread-open-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('article').count()).toBe(0);
    await expect.poll(focusedId).toBe('thread-list');

    // Typing in a field never fires shortcuts: j and k land in the search box.
    await page.keyboard.press('/');
    await expect.poll(focusedId).toBe('search-input');
    await page.keyboard.type('fr');
    await page.getByRole('option', { name: /from:/ }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('hana gears');
    expect(await page.getByRole('combobox').inputValue()).toBe('from:hana gears');
    await page.keyboard.press('Enter');
    const results = page.getByRole('listbox', { name: /Search results for from:hana gears/ });
    await results.waitFor();
    await expect.poll(() => results.getByRole('option').count()).toBe(2);
    await expect.poll(focusedId).toBe('thread-list');
    const marks = await results.locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['gears']));
    expect(marks.every((m) => m.toLowerCase() === 'gears')).toBe(true);
    await page.screenshot({ path: artifactPath('triage-search.png') });
    await page.keyboard.press('Escape');
    await list.waitFor();
    await expect.poll(() => rows.count()).toBe(4);

    // The palette jumps to a thread by subject.
    await page.keyboard.press('Control+k');
    const palette = page.locator('[cmdk-input]');
    await palette.waitFor();
    await page.keyboard.type('Refund');
    await page.locator('[cmdk-item]', { hasText: 'Refund for order 5521' }).waitFor({ timeout: 5000 });
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('[cmdk-item][data-selected="true"]').textContent())
      .toContain('Refund for order 5521');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /Refund for order 5521/ }).waitFor();
    await expect.poll(focusedId).toBe('thread-pane');
    await page.keyboard.press('Escape');

    // ? shows the help generated from the keymap; Esc closes it and focus comes back.
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Next conversation');
    await page.screenshot({ path: artifactPath('triage-help.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    await expect.poll(focusedId).toBe('thread-list');

    // g x shows the unreadable view, g a comes back.
    await page.keyboard.press('g');
    await page.keyboard.press('x');
    await page.getByText('Every message could be read.').waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await list.waitFor();
    await page.screenshot({ path: artifactPath('triage-list.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: artifactPath('triage-list-dark.png') });

    expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
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
      // The printed token is exchanged for a session secret, sent first.
      const session = await new Promise<unknown>((resolve) =>
        ws.once('message', (d) => resolve(JSON.parse(String(d)))),
      );
      expect(session).toMatchObject({ type: 'session', secret: expect.any(String) });
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

  it('a tab reloads on its session secret; the printed token is gone from the address and opens no second tab', async () => {
    const world = await mailWorld();
    const { service } = await startEngine(world, await world.createMailbox('support'));
    const b = await startBridge(service);
    const { page } = await loadRenderer(chromium.browser, b, { viewport: { width: 1000, height: 700 } });
    try {
      const link = appLink(b);
      const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
      await expect.poll(focusedId).toBe('thread-list');
      await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('token=');
      await page.reload();
      await expect.poll(focusedId).toBe('thread-list');
      await page.screenshot({ path: artifactPath('bridge-reloaded.png') });

      const second = await chromium.browser.newPage();
      await second.goto(link);
      await expect
        .poll(() => second.getByText(/The link `npm run web` prints opens one tab only/).count())
        .toBeGreaterThan(0);
      await second.close();
    } finally {
      await page.close();
      await b.close();
    }
  });
});
