import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/** Test-only pages (the hostile-HTML fixture) are built only under Vitest or when asked for. */
const withFixtures = Boolean(process.env.VITEST || process.env.PROMPTLY_UI_FIXTURES);

/** The renderer's Vite config, shared by electron-vite, `npm run web` and the UI tests. */
export const rendererConfig: UserConfig = {
  root: resolve('src/renderer'),
  plugins: [react()],
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve('src/renderer/index.html'),
        ...(withFixtures ? { fixture: resolve('src/renderer/fixture.html') } : {}),
      },
    },
  },
};
