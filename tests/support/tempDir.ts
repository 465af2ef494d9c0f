import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered when a test file imports this module (during collection), so every folder a
// file made is removed when that file's tests are done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system temp folder, removed after the test file finishes. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `promptly-${label}-`));
  made.push(dir);
  return dir;
}
