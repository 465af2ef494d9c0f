// Lint for the files ESLint does not read (style sheets, HTML, SQL …): none over 400 lines
// (docs/ARCHITECTURE.md, "Size"). Script files are checked by ESLint's max-lines.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const MAX_LINES = 400;
const ESLINT_READS = new Set(['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs']);

/** Files under `root` with more than MAX_LINES lines that ESLint does not check, with their line counts. */
export function oversized(root) {
  const found = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || ESLINT_READS.has(extname(entry.name))) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES) found.push({ file, lines });
  }
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.argv[2] ?? 'src';
  const found = oversized(root);
  for (const { file, lines } of found)
    console.error(`${relative(process.cwd(), file)}: ${lines} lines; at most ${MAX_LINES} (split it by job).`);
  process.exit(found.length > 0 ? 1 : 0);
}
