// Builds better-sqlite3 for the runtime about to load it: Node (tests, CLI, web preview)
// or Electron (npm start). Never runs in postinstall: npm ci must not need Electron.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { npmInvocation, rebuildEnv } from './nativeRebuild.mjs';

const target = process.argv[2];
const marker = 'node_modules/.promptly-native-abi';
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    stdio: 'pipe',
  });
  return probe.status === 0;
}

function rebuild(env, label) {
  console.error(`promptly: building better-sqlite3 for ${label} (once)…`);
  const npm = npmInvocation(process.platform, process.env, process.execPath);
  execFileSync(npm.file, [...npm.args, 'rebuild', 'better-sqlite3'], {
    stdio: 'inherit',
    shell: npm.shell,
    env: { ...process.env, ...env },
  });
  writeFileSync(marker, label);
}

if (target === 'node') {
  const wanted = `node-${process.versions.modules}`;
  if (current !== wanted || !loadsInNode()) {
    if (current.startsWith('electron') || !loadsInNode()) rebuild(rebuildEnv({ runtime: 'node' }), wanted);
    else writeFileSync(marker, wanted);
  }
} else if (target === 'electron') {
  const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  const wanted = `electron-${version}`;
  if (current !== wanted) rebuild(rebuildEnv({ runtime: 'electron', version }), wanted);
} else {
  console.error('usage: node scripts/electron-abi.mjs node|electron');
  process.exit(2);
}
