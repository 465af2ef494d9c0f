import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer.vite';
import { clientDefine } from './src/main/auth/builtClients';
import { copyRuntimeFiles } from './scripts/runtimeFiles.mjs';

// Migrations (SQL) and the workers (JS) are loaded at run time; copy them next to the main bundle.
const runtimeFiles = {
  name: 'promptly-runtime-files',
  closeBundle() {
    copyRuntimeFiles(resolve('out/main'));
  },
};

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
    // OAuth client IDs from the build's environment (README, "Registering Promptly with …").
    define: clientDefine(process.env),
    plugins: [runtimeFiles],
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
