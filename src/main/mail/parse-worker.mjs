// Parses MIME off the main thread (docs/ARCHITECTURE.md: parsing is the sync's bottleneck).
// Plain JavaScript so it loads the same way under tsx, vitest and the Electron bundle.
import { parentPort } from 'node:worker_threads';
import { parseToShape } from './mailShape.mjs';

parentPort.on('message', async ({ id, raw }) => {
  try {
    parentPort.postMessage({ id, ok: true, mail: await parseToShape(Buffer.from(raw)) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
