import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';
import { launchChromium } from './browser';
import { startBridge, type Bridge } from '../../src/main/bridge/server';
import type { PromptlyService } from '../../src/main/service/service';

/** How a UI test wants the window: its size, a context of its own (locale, time zone), and what must see the first load. */
export interface AppPageOptions {
  viewport?: { width: number; height: number };
  /** A zoomed window is a smaller viewport drawn with more device pixels per CSS pixel (200 %: 2). */
  deviceScaleFactor?: number;
  /** Opens the page in a context of its own with these options (closed with the page). */
  context?: BrowserContextOptions;
  /** Runs on the blank page before the renderer loads: init scripts and listeners that must see the first paint. */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/** The renderer in a Chromium page, talking to the engine through a bridge, as `npm run web` shows it. */
export interface AppPage {
  page: Page;
  /** Uncaught errors thrown in the page; a UI test ends by expecting none. */
  errors: string[];
  /** The renderer's HTTP response (its headers carry the app's CSP). */
  response: Response | null;
  /** Closes the page (and its own context) and the bridge. */
  close: () => Promise<void>;
}

/** Loads the renderer from the test preview server into a new page, connected to `bridge`. */
export async function loadRenderer(
  browser: Browser,
  bridge: Pick<Bridge, 'url' | 'token'>,
  options: AppPageOptions = {},
): Promise<Omit<AppPage, 'close'>> {
  const { viewport = { width: 1280, height: 800 }, deviceScaleFactor, context, beforeLoad } = options;
  const page = context
    ? await (await browser.newContext({ viewport, deviceScaleFactor, ...context })).newPage()
    : await browser.newPage({ viewport, deviceScaleFactor });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await beforeLoad?.(page);
  const response = await page.goto(appLink(bridge));
  return { page, errors, response };
}

/** The address the bridge prints for a browser: the renderer, with the socket and its one-time token in the fragment. */
export function appLink(bridge: Pick<Bridge, 'url' | 'token'>): string {
  return `${inject('rendererUrl')}#bridge=${encodeURIComponent(bridge.url)}&token=${encodeURIComponent(bridge.token)}`;
}

/** A UI test file's Chromium, and the app opened in it against a running engine. */
export interface Chromium {
  /** The browser launched for this file (only inside its tests and hooks). */
  readonly browser: Browser;
  /** Starts a bridge for `service` and opens the renderer on it; what stays open is closed after the file's tests. */
  openApp(service: PromptlyService, options?: AppPageOptions): Promise<AppPage>;
}

/**
 * Launches Chromium before this file's tests and closes it after them, together with every bridge
 * and page {@link Chromium.openApp} opened, also when a test failed half-way. Call it once at the
 * top of a UI test file.
 */
export function useChromium(): Chromium {
  let browser: Browser | undefined;
  const open = new Set<() => Promise<void>>();
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const close of [...open].reverse()) await close();
    await browser?.close();
  });
  const launched = (): Browser => {
    if (!browser) throw new Error('Chromium is launched in beforeAll: use it inside a test or a hook.');
    return browser;
  };
  return {
    get browser() {
      return launched();
    },
    async openApp(service, options = {}) {
      const bridge = await startBridge(service);
      const closeBridge = () => bridge.close();
      open.add(closeBridge);
      const loaded = await loadRenderer(launched(), bridge, options);
      const closePage = async () => {
        const ownContext = options.context ? loaded.page.context() : undefined;
        await (ownContext ?? loaded.page).close();
      };
      open.add(closePage);
      const close = async () => {
        open.delete(closePage);
        open.delete(closeBridge);
        await closePage();
        await closeBridge();
      };
      return { ...loaded, close };
    },
  };
}
