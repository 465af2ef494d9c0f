import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { hostilePayloads, ran } from './hostile-payloads';

const chromium = useChromium();

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** What a watched page saw: requests leaving the app, signs of script execution, and loads of message frames by title. */
interface Watched {
  page: Page;
  outside: string[];
  signals: string[];
  frameLoads: string[];
}

/** The message the test itself posts to learn that every message posted before it was handled. */
const SETTLED = 'settled-marker';

/** A page that records every request leaving the app and every sign of script execution. */
async function watchedPage(origin: string): Promise<Watched> {
  const page = await chromium.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const outside: string[] = [];
  const signals: string[] = [];
  const frameLoads: string[] = [];
  await page.exposeFunction('__reportExecution', (what: string) => signals.push(what));
  await page.exposeFunction('__reportFrameLoad', (title: string) => frameLoads.push(title));
  await page.addInitScript(() => {
    const report = (what: string) =>
      (window as unknown as { __reportExecution?: (w: string) => void }).__reportExecution?.(what);
    // A frame's load event comes after its subresources were requested and its own load handlers ran.
    document.addEventListener(
      'load',
      (e) => {
        if (e.target instanceof HTMLIFrameElement)
          (window as unknown as { __reportFrameLoad?: (t: string) => void }).__reportFrameLoad?.(e.target.title);
      },
      true,
    );
    window.addEventListener('message', (e) => report(`message:${String(e.data)}`));
    document.addEventListener('securitypolicyviolation', (e) => report(`csp:${e.violatedDirective}:${e.blockedURI}`));
    const realEval = window.eval;
    // Only payload code counts (it always names evil.example); Playwright evaluates through eval too.
    const payload = (args: unknown[]) => args.some((a) => String(a).includes('evil.example'));
    window.eval = ((code: string) => {
      if (payload([code])) report('eval');
      return realEval(code);
    }) as typeof eval;
    const RealFunction = window.Function;
    window.Function = function (...args: string[]) {
      if (payload(args)) report('Function');
      return RealFunction(...args);
    } as unknown as FunctionConstructor;
    Object.defineProperty(window, '__pwned', { set: () => report('sentinel') });
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    outside.push(url);
    if (/\.(png|jpe?g|gif)$/.test(url)) return route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1PX });
    return route.abort();
  });
  return { page, outside, signals, frameLoads };
}

/**
 * Waits until each message frame titled in `loads` has loaded that many documents (a changed
 * srcdoc is a new document), then until the page handled a message posted after that. By then
 * anything those documents could start on loading (handlers, requests, messages to the top page)
 * has been recorded, so "nothing happened" can be checked without waiting for time to pass.
 */
async function settle(watched: Watched, loads: Record<string, number>): Promise<void> {
  const count = (title: string) => watched.frameLoads.filter((t) => t === title).length;
  for (const [title, n] of Object.entries(loads))
    await expect.poll(() => count(title), { timeout: 10_000 }).toBeGreaterThanOrEqual(n);
  await watched.page.evaluate((marker) => window.postMessage(marker, '*'), SETTLED);
  await expect.poll(() => watched.signals.includes(`message:${SETTLED}`), { timeout: 10_000 }).toBe(true);
}

/** Signs of execution, without the test's own marker and the CSP reports of what was blocked. */
function executions(signals: string[]): string[] {
  return signals.filter((s) => !s.startsWith('csp:') && s !== `message:${SETTLED}`);
}

/** One load of every fixture frame (the fixture page titles them "Fixture message N"). */
function onceEach(count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, n) => [`Fixture message ${n}`, 1]));
}

describe('hostile HTML mail, rendered by the real message renderer in Chromium', () => {
  it('the detector is live: script in an unsafe frame and a request leaving the app are both caught', async () => {
    const origin = new URL(inject('rendererUrl')).origin;
    const { page, outside, signals } = await watchedPage(origin);
    // A page without a CSP (the app's own CSP would block this inline script too).
    await page.route('http://control.test/', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<p>control</p>' }),
    );
    await page.goto('http://control.test/');
    await page.waitForLoadState('load');
    await page.evaluate((script) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.srcdoc = `<script>${script}</script>`;
      document.body.appendChild(frame);
    }, ran(999));
    // Script execution inside a sandboxed frame is caught (it reports through postMessage).
    await expect.poll(() => signals.includes('message:ran:999'), { timeout: 10_000 }).toBe(true);
    // A resource leaving the app is caught by request interception.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'http://evil.example/control.png';
      document.body.appendChild(img);
    });
    await expect.poll(() => outside.includes('http://evil.example/control.png'), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('delivers 30+ hostile messages through Dovecot and the engine; opening them runs nothing and loads nothing', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support);
    const payloads = hostilePayloads();
    expect(payloads.length).toBeGreaterThanOrEqual(25);
    for (const [n, html] of payloads.entries())
      await world.deliverMail({
        from: `Mallory ${n} <mallory${n}@evil.example>`,
        to: support.address,
        subject: `Hostile ${n}`,
        text: 'plain part',
        html,
      });
    await service.syncNow();
    // The HTML exactly as the engine stored it after MIME parsing (MessageView does not carry it yet).
    const stored = db
      .prepare(
        `SELECT from_address AS sender, body_html AS html FROM messages WHERE subject LIKE 'Hostile %' ORDER BY id`,
      )
      .all() as Array<{ sender: string; html: string | null }>;
    expect(stored.length).toBe(payloads.length);
    expect(stored.every((m) => typeof m.html === 'string' && m.html.length > 0)).toBe(true);

    const origin = new URL(inject('rendererUrl')).origin;
    const watched = await watchedPage(origin);
    const { page, outside, signals } = watched;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((messages) => {
      (window as unknown as { __fixtureMessages: unknown }).__fixtureMessages = messages;
    }, stored);
    await page.goto(`${origin}/fixture.html`);
    const frames = page.locator('iframe.message-frame');
    await expect.poll(() => frames.count()).toBe(stored.length);
    // Every frame is sandboxed without scripts or same-origin, and carries the strict CSP.
    const sandboxes = await frames.evaluateAll((els) => els.map((e) => e.getAttribute('sandbox')));
    expect(new Set(sandboxes)).toEqual(new Set(['allow-popups allow-popups-to-escape-sandbox']));
    const docs = await frames.evaluateAll((els) => els.map((e) => e.getAttribute('srcdoc') ?? ''));
    for (const doc of docs) {
      expect(doc).toContain("default-src 'none'");
      expect(doc).not.toMatch(/<script|onerror=|onload=|javascript:|<iframe|<form|<base|<meta http-equiv="refresh"/i);
      // Text may mention evil.example harmlessly; no attribute or CSS may point there.
      expect(doc).not.toMatch(/(src|href|action|background|poster|srcset|data)\s*=\s*["']?[^"'>\s]*evil\.example/i);
      expect(doc).not.toMatch(/url\([^)]*evil\.example/i);
    }
    // Every frame loaded and the page handled a later message: whatever loading could set off has been recorded.
    await settle(watched, onceEach(stored.length));
    await page.screenshot({ path: artifactPath('hostile-html.png'), fullPage: false });
    expect(executions(signals)).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    // Remote images were held back and say so.
    expect(await page.getByRole('button', { name: 'Load images' }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('"Load images" loads this message only; "Always for this sender" covers their other messages', async () => {
    const origin = new URL(inject('rendererUrl')).origin;
    const watched = await watchedPage(origin);
    const { page, outside, signals } = watched;
    const messages = [
      { sender: 'news@shop.example', html: '<p>A</p><img src="https://images.example/a.png" alt="a">' },
      { sender: 'news@shop.example', html: '<p>B</p><img src="https://images.example/b.png" alt="b">' },
      { sender: 'other@else.example', html: '<p>C</p><img src="https://images.example/c.png" alt="c">' },
      {
        sender: 'news@shop.example',
        html: '<a href="https://evil.example/login">www.mybank.example</a><img src="https://images.example/t.gif" width="1" height="1">',
      },
    ];
    await page.addInitScript((m) => {
      (window as unknown as { __fixtureMessages: unknown }).__fixtureMessages = m;
    }, messages);
    await page.goto(`${origin}/fixture.html`);
    await expect.poll(() => page.locator('iframe.message-frame').count()).toBe(4);
    await settle(watched, onceEach(4));
    expect(outside).toEqual([]);

    const first = page.locator('[data-fixture="0"]');
    await first.getByRole('button', { name: 'Load images' }).click();
    await expect.poll(() => outside).toEqual(['https://images.example/a.png']);
    const otherSender = page.locator('[data-fixture="2"] iframe');
    const otherSenderBefore = await otherSender.getAttribute('srcdoc');
    await page
      .locator('[data-fixture="1"]')
      .getByRole('button', { name: /Always for news@shop.example/ })
      .click();
    await expect
      .poll(() => outside.slice().sort())
      .toEqual(['https://images.example/a.png', 'https://images.example/b.png']);
    // The sender's pixel message was drawn again with images allowed; the other sender's was not.
    await settle(watched, { 'Fixture message 1': 2, 'Fixture message 3': 2 });
    expect(await otherSender.getAttribute('srcdoc')).toBe(otherSenderBefore);
    // The other sender's image and the tracking pixel stay blocked.
    expect(outside.some((u) => u.includes('c.png') || u.includes('t.gif'))).toBe(false);
    // The disguised link shows where it really goes.
    const linkFrame = page.frameLocator('[data-fixture="3"] iframe');
    expect(await linkFrame.locator('a').getAttribute('title')).toBe('https://evil.example/login');
    expect(await linkFrame.locator('a').textContent()).toContain('[goes to evil.example]');
    expect(executions(signals)).toEqual([]);
    await page.close();
  });
});
