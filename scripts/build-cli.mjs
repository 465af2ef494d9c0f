// Builds the headless CLI into plain JavaScript (out/cli/promptly.mjs), so `promptly` starts
// without compiling TypeScript. Packages stay in node_modules; only our code is bundled.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { copyRuntimeFiles } from './runtimeFiles.mjs';

const outdir = 'out/cli';
// OAuth client IDs of the build's environment, as electron.vite.config.ts bakes them into the app
// (src/main/auth/builtClients.ts lists the same names).
const clientVariable = /^PROMPTLY_(MICROSOFT|GOOGLE|OAUTH)_CLIENT_(ID|SECRET)$/;
const builtClients = Object.fromEntries(
  Object.entries(process.env).filter(([name, value]) => clientVariable.test(name) && value),
);
await build({
  entryPoints: { promptly: 'src/main/cli/main.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Verbs that need the mail libraries load as a separate chunk, only when used.
  splitting: true,
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  define: { __PROMPTLY_BUILT_CLIENTS__: JSON.stringify(builtClients) },
  logLevel: 'warning',
});
// Loaded at run time next to the bundle, as in the desktop build (electron.vite.config.ts).
copyRuntimeFiles(outdir);
chmodSync(`${outdir}/promptly.mjs`, 0o755);
