/// <reference lib="dom" />
// `npm run bench:ui`: the real renderer in Chromium against the real engine with 100,000
// threads in the store. Prints JSON: median and p95 of first render, j/k, open, search.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { rendererConfig } from '../../renderer.vite';
import { openDb } from '../../src/main/store/db';
import { MemorySecretStore } from '../../src/main/secrets';
import { PromptlyService } from '../../src/main/service/service';
import { startBridge } from '../../src/main/bridge/server';
import { launchChromium } from '../../tests/support/browser';
import { seedThreads, SEARCH_WORDS } from './seed';
import { installProbe, summarize } from './measure';

const THREADS = Number(process.env.BENCH_THREADS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'promptly-bench-ui-'));
const now = Date.now();

const seedStart = performance.now();
const db = openDb(join(dir, 'promptly.sqlite'));
seedThreads(db, THREADS, now);
const seedMs = performance.now() - seedStart;

const service = new PromptlyService({
  db,
  secrets: new MemorySecretStore(),
  now: () => now,
  version: 'bench',
  dataDir: dir,
});
const bridge = await startBridge(service);
const outDir = join(dir, 'renderer');
const config = { ...rendererConfig, logLevel: 'warn' as const, build: { ...rendererConfig.build, outDir } };
await build(config);
const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
// Each page exchanges its own single-use token.
const url = (): string =>
  `${server.resolvedUrls?.local[0]}#bridge=${encodeURIComponent(bridge.url)}&token=${encodeURIComponent(bridge.issueToken())}`;
const browser = await launchChromium();

/** Time from the last key press to the DOM (and layout) showing `done`. */
async function afterKey(page: Page, key: string, done: string): Promise<number> {
  await page.keyboard.press(key);
  return page.evaluate(async (check) => {
    const ok = new Function(`return (${check})`) as () => boolean;
    const w = window as unknown as { __lastKey: number };
    const deadline = performance.now() + 5000;
    while (!ok()) {
      if (performance.now() > deadline) throw new Error(`never became true: ${check}`);
      await new Promise((r) => setTimeout(r, 0));
    }
    void document.body.offsetHeight;
    return performance.now() - w.__lastKey;
  }, done);
}

const log = (what: string) => process.stderr.write(`bench:ui ${what}\n`);
log(`seeded ${THREADS} threads in ${Math.round(seedMs)} ms`);
try {
  const firstRender: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(installProbe);
    await page.goto(url());
    await page.waitForSelector('.thread-row[data-thread-id]');
    firstRender.push(await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow));
    await page.close();
  }

  log('first render done');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(installProbe);
  await page.goto(url());
  await page.waitForSelector('.thread-row[data-thread-id]');
  await page.waitForFunction(() => document.activeElement?.id === 'thread-list');
  const selectedIs = (i: number) => `document.querySelector('.thread-row.selected')?.id === 'thread-${i}'`;
  const next: number[] = [];
  for (let i = 1; i <= 300; i += 1) next.push(await afterKey(page, 'j', selectedIs(i)));
  for (let i = 299; i >= 200; i -= 1) next.push(await afterKey(page, 'k', selectedIs(i)));

  log('j/k done');
  const open: number[] = [];
  const openIs = (i: number) =>
    `document.querySelector('#thread-pane h1')?.textContent?.endsWith(' ${i}') && document.querySelector('#thread-pane')?.getAttribute('aria-busy') === 'false'`;
  open.push(await afterKey(page, 'Enter', openIs(200)));
  // With a conversation open, j opens the next one: each is a full thread.get round trip and render.
  for (let i = 201; i <= 260; i += 1) open.push(await afterKey(page, 'j', openIs(i)));
  await page.keyboard.press('Escape');

  log('open done');
  const search: number[] = [];
  for (const [n, word] of SEARCH_WORDS.entries()) {
    await page.keyboard.press('/');
    await page
      .waitForFunction(() => document.activeElement?.id === 'search-input', undefined, { timeout: 3000 })
      .catch(async (e: unknown) => {
        log(`search ${n}: focus is on ${await page.evaluate(() => document.activeElement?.id)}`);
        throw e;
      });
    const query = n % 2 === 0 ? word : `${word} ${SEARCH_WORDS[(n + 7) % SEARCH_WORDS.length]}`;
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(query);
    search.push(
      await afterKey(
        page,
        'Enter',
        `document.querySelector('[role=listbox]')?.getAttribute('aria-label') === 'Search results for ${query}' && !!document.querySelector('.thread-row[data-thread-id]')`,
      ),
    );
  }
  await page.close();

  const result = {
    bench: 'ui',
    threads: THREADS,
    seedMs: Math.round(seedMs),
    browser: browser.version(),
    firstRenderMs: summarize(firstRender),
    nextThreadShownMs: summarize(next),
    openThreadMs: summarize(open),
    searchResultsMs: summarize(search),
    budgets: { firstRenderMedian: 1000, nextThreadP95: 16, openThreadP95: 100, searchResultsP95: 150 },
  };
  const pass =
    result.firstRenderMs.median < 1000 &&
    result.nextThreadShownMs.p95 < 16 &&
    result.openThreadMs.p95 < 100 &&
    result.searchResultsMs.p95 < 150;
  console.log(JSON.stringify({ ...result, pass }, null, 2));
  process.exitCode = pass ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
  await bridge.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
