import 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { rendererConfig } from '../../renderer.vite';
import { appCsp } from '../../src/main/shell/csp';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererUrl: string;
  }
}

/**
 * Builds the real renderer once with Vite and serves it on loopback for the UI tests, with
 * the CSP header the packaged app sends (plus the bridge socket the preview needs).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(join(tmpdir(), 'promptly-renderer-'));
  const config = { ...rendererConfig, logLevel: 'warn' as const, build: { ...rendererConfig.build, outDir } };
  await build(config);
  const server = await preview({
    ...config,
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      headers: { 'Content-Security-Policy': appCsp({ bridge: true }) },
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The renderer preview server did not report its address.');
  project.provide('rendererUrl', url);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
