import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/** The renderer's Vite config, shared by electron-vite, `npm run web` and the UI tests. */
export const rendererConfig: UserConfig = {
  root: resolve('src/renderer'),
  plugins: [react()],
  build: { outDir: resolve('out/renderer'), emptyOutDir: true },
};
