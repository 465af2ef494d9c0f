import type { Writable } from 'node:stream';

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    // Writes complete in order, so the callback of an empty write runs after all earlier ones.
    stream.write('', () => resolve());
  });
}

/**
 * Exits with `code` after stdout and stderr are drained. A pipe takes 64 KB at a time and
 * `process.exit` drops whatever is still queued, which cut `--json` output for scripts.
 */
export async function exitWhenDrained(
  code: number,
  streams: Writable[] = [process.stdout, process.stderr],
): Promise<never> {
  await Promise.all(streams.map(drained));
  process.exit(code);
}
