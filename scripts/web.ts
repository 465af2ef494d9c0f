// `npm run web`: the real renderer in a browser against the real engine in Node, through
// the WebSocket bridge. A development preview: Electron cannot run on the build machines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { rendererConfig } from '../renderer.vite';
import { startBridge } from '../src/main/bridge/server';
import { FileSecretStore } from '../src/main/secrets';
import { cliSecretsFile } from '../src/main/paths';
import { openAppService } from '../src/main/service/startup';
import { VERSION } from '../src/main/version';
import { appCsp } from '../src/main/shell/csp';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '5173' },
  },
});

// Without --data-dir the preview starts as a first launch would: an empty folder, the welcome screen.
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'promptly-preview-'));
const service = openAppService({
  secrets: new FileSecretStore(cliSecretsFile(dataDir)),
  now: Date.now,
  version: VERSION,
  dataDir,
});
if (values.demo) await service.openDemo();
service.startApp();
// The app's CSP as a header, as the packaged app sends it; the dev server's React preamble
// and the bridge socket are the only additions (src/main/shell/csp.ts).
const vite = await createServer({
  ...rendererConfig,
  server: {
    host: '127.0.0.1',
    port: Number(values.port),
    headers: { 'Content-Security-Policy': appCsp({ dev: true, bridge: true }) },
  },
});
await vite.listen();
const base = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${values.port}/`;
// Only the preview's own page may use the bridge (checked against the handshake's Origin).
const bridge = await startBridge(service, { allowedOrigins: [new URL(base).origin] });
console.log(
  `Promptly preview: ${base}#bridge=${encodeURIComponent(bridge.url)}&token=${encodeURIComponent(bridge.token)}`,
);
console.log('The link carries a one-time token: it opens one tab, which may reload. Ctrl+C stops.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([vite.close(), bridge.close()]).then(() => process.exit(0));
  });
}
