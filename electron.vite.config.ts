import { defineConfig } from 'electron-vite';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer.vite';

// Migrations (SQL) and the parse worker (JS) are loaded at run time; copy them next to the main bundle.
const copyMigrations = {
  name: 'promptly-copy-migrations',
  closeBundle() {
    cpSync(resolve('src/main/store/migrations'), resolve('out/main/migrations'), { recursive: true });
    // The MIME parse worker is plain JS loaded by URL next to the bundle (see mail/parsePool.ts).
    cpSync(resolve('src/main/mail/parse-worker.mjs'), resolve('out/main/parse-worker.mjs'));
  },
};

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
    plugins: [copyMigrations],
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
