#!/usr/bin/env node
// A stand-in for fpm (`-s dir -t deb` only), which electron-builder downloads from outside
// the npm registry. It takes exactly the arguments electron-builder passes and builds the
// package with Debian's own dpkg-deb, so the packaging check inspects a real .deb made
// from electron-builder's metadata and file list. Real releases use electron-builder's fpm.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const VALUED = new Set([
  '-s',
  '-t',
  '-d',
  '--architecture',
  '--after-install',
  '--after-remove',
  '--description',
  '--version',
  '--package',
  '--name',
  '--maintainer',
  '--vendor',
  '--url',
  '--category',
  '--deb-priority',
  '--deb-recommends',
  '--deb-compression',
  '--license',
  '--iteration',
  '--log',
]);

const options = new Map();
const mappings = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (VALUED.has(arg)) options.set(arg, [...(options.get(arg) ?? []), argv[++i]]);
  else if (arg.startsWith('-')) continue;
  else mappings.push(arg);
}
const one = (name) => options.get(name)?.at(-1);
if (one('-s') !== 'dir' || one('-t') !== 'deb') {
  console.error('fpm stand-in: only `-s dir -t deb` is supported');
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'fpm-standin-'));
try {
  for (const mapping of mappings) {
    const at = mapping.lastIndexOf('=');
    const [source, target] = [mapping.slice(0, at), mapping.slice(at + 1)];
    const destination = join(root, target);
    mkdirSync(statSync(source).isDirectory() ? destination : dirname(destination), { recursive: true });
    cpSync(source, destination, { recursive: true, verbatimSymlinks: true });
  }
  const control = join(root, 'DEBIAN');
  mkdirSync(control);
  const [synopsis, ...rest] = (one('--description') ?? '').split('\n');
  const fields = [
    ['Package', one('--name')],
    ['Version', one('--version')],
    ['Architecture', one('--architecture')],
    ['Maintainer', one('--maintainer')],
    ['Depends', options.get('-d')?.join(', ')],
    ['Recommends', options.get('--deb-recommends')?.join(', ')],
    ['Section', one('--category')],
    ['Priority', one('--deb-priority')],
    ['Homepage', one('--url')],
    ['Description', [synopsis.trim(), ...rest.map((line) => ` ${line.trim() || '.'}`)].join('\n')],
  ];
  writeFileSync(
    join(control, 'control'),
    `${fields
      .filter(([, value]) => value)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n')}\n`,
  );
  for (const [flag, script] of [
    ['--after-install', 'postinst'],
    ['--after-remove', 'postrm'],
  ]) {
    if (!one(flag)) continue;
    writeFileSync(join(control, script), readFileSync(one(flag)));
    chmodSync(join(control, script), 0o755);
  }
  const compression = one('--deb-compression') === 'gz' ? 'gzip' : (one('--deb-compression') ?? 'xz');
  execFileSync('dpkg-deb', ['--build', '--root-owner-group', `-Z${compression}`, root, one('--package')], {
    stdio: 'inherit',
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
