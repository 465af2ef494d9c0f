// Parses MIME off the main thread (docs/ARCHITECTURE.md: parsing is the sync's bottleneck).
// Plain JavaScript so it loads the same way under tsx, vitest and the Electron bundle.
// `body: true` asks for only what the store keeps of the body (snippet and attachment list
// included), so the main thread does no per-message shaping.
import { parentPort } from 'node:worker_threads';
import { parseBody, parseToShape } from './mailShape.mjs';

// One message at a time, in the order sent: started all at once, a thousand parses would
// interleave, hold every source in memory together and all finish last.
const queue = [];
let running = false;

async function parseOne({ id, raw, body }) {
  try {
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const result = body ? await parseBody(bytes) : await parseToShape(bytes);
    parentPort.postMessage({ id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

parentPort.on('message', async (job) => {
  queue.push(job);
  if (running) return;
  running = true;
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) await parseOne(next);
  running = false;
});
