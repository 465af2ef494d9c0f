import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerFiles } from '../../scripts/runtimeFiles.mjs';

describe('the files copied beside each bundle', () => {
  it('hold every worker and every file a worker imports by a relative path', () => {
    const copied = workerFiles();
    expect(copied).toEqual(
      expect.arrayContaining(['src/main/mail/parse-worker.mjs', 'src/main/store/checkpoint-worker.mjs']),
    );
    for (const file of copied) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/^import [^;]*? from '(\.[^']+)'/gm)].map((m) => m[1]!);
      for (const path of imports) {
        expect(path.endsWith('.mjs'), `${file} imports ${path}: a bundle has no TypeScript to load`).toBe(true);
        expect(copied).toContain(join(dirname(file), path));
      }
    }
    // All are copied into one folder, so two with one name would overwrite each other.
    expect(new Set(copied.map((f) => basename(f))).size).toBe(copied.length);
  });
});
