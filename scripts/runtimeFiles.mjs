// What the main process loads from disk at run time, beside its bundle: the migrations, and
// the plain-JavaScript workers with what they import (loaded by URL, see mail/parsePool.ts
// and store/checkpointer.ts). Every .mjs in these folders, so a new one cannot be left out.
import { cpSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const FOLDERS = ['src/main/mail', 'src/main/store'];

/** The worker files, as paths from the project root. */
export function workerFiles() {
  return FOLDERS.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => `${dir}/${file}`),
  );
}

/** Copies the migrations and the worker files into `outdir`, next to the bundle. */
export function copyRuntimeFiles(outdir) {
  cpSync('src/main/store/migrations', join(outdir, 'migrations'), { recursive: true });
  for (const file of workerFiles()) cpSync(file, join(outdir, basename(file)));
}
