import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from '../../src/main/bridge/server';
import { FileSecretStore } from '../../src/main/secrets';
import { cliSecretsFile } from '../../src/main/paths';
import { openAppService } from '../../src/main/service/startup';
import { loadRenderer } from './appPage';
import type { PromptlyService } from '../../src/main/service/service';

/** What a UI test may set on the app besides its data folder: discovery, OAuth clients, the browser opener, a clock. */
export type FirstLaunchDeps = Omit<Parameters<typeof openAppService>[0], 'dataDir' | 'secrets' | 'now' | 'version'> & {
  now?: () => number;
};

/** Discovery that finds a domain's settings only in the autoconfig documents at `xmlUrls` (no MX, SRV or hosts). */
export function localDiscovery(xmlUrls: string[]): FirstLaunchDeps['discovery'] {
  return {
    xmlUrls: () => xmlUrls,
    dns: { resolveMx: async () => [], resolveSrv: async () => [], resolveHost: async () => null },
  };
}

/**
 * The app as a first launch sees it, in a Chromium page through the bridge: an empty data folder,
 * the real engine, in a window of `screen`'s size. Everything it starts is stopped and removed by
 * the returned `close`.
 */
export async function firstLaunch(
  browser: Browser,
  deps: FirstLaunchDeps = {},
  screen: { width: number; height: number; deviceScaleFactor?: number } = { width: 1280, height: 800 },
): Promise<{ service: PromptlyService; page: Page; errors: string[]; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'promptly-first-launch-'));
  const { now: clock, ...rest } = deps;
  const now = clock ?? Date.now;
  const service = openAppService({
    secrets: new FileSecretStore(cliSecretsFile(dataDir)),
    now,
    version: 'test',
    dataDir,
    ...rest,
  });
  service.startApp();
  const bridge = await startBridge(service);
  const { deviceScaleFactor, ...viewport } = screen;
  const { page, errors } = await loadRenderer(browser, bridge, {
    viewport,
    deviceScaleFactor,
    // An injected clock: the page starts at the engine's time (a test moves both with fastForward).
    beforeLoad: clock ? (blank) => blank.clock.install({ time: clock() }) : undefined,
  });
  const close = async () => {
    await bridge.close();
    await service.stopLive();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { service, page, errors, close };
}
