import { defineConfig } from 'electron-vite';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer.vite';
import { clientDefine } from './src/main/auth/builtClients';

// Migrations (SQL) and the workers (JS) are loaded at run time; copy them next to the main bundle.
const copyMigrations = {
  name: 'promptly-copy-migrations',
  closeBundle() {
    cpSync(resolve('src/main/store/migrations'), resolve('out/main/migrations'), { recursive: true });
    // The MIME parse worker is plain JS loaded by URL next to the bundle (see mail/parsePool.ts).
    for (const file of ['parse-worker.mjs', 'mailShape.mjs', 'plainText.mjs', 'undeclaredCharset.mjs'])
      cpSync(resolve('src/main/mail', file), resolve('out/main', file));
    // So is the first sync's checkpoint worker (see store/checkpointer.ts).
    cpSync(resolve('src/main/store/checkpoint-worker.mjs'), resolve('out/main/checkpoint-worker.mjs'));
  },
};

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
    // OAuth client IDs from the build's environment (README, "Registering Promptly with …").
    define: clientDefine(process.env),
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
