// Builds better-sqlite3 for the runtime about to load it: Node (tests, CLI, web preview)
// or Electron (npm start). Never runs in postinstall: npm ci must not need Electron.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const target = process.argv[2];
const marker = 'node_modules/.promptly-native-abi';
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    stdio: 'pipe',
  });
  return probe.status === 0;
}

function rebuild(env, label) {
  console.error(`promptly: building better-sqlite3 for ${label} (about a minute, once)…`);
  execFileSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit', env: { ...process.env, ...env } });
  writeFileSync(marker, label);
}

if (target === 'node') {
  const wanted = `node-${process.versions.modules}`;
  if (current !== wanted || !loadsInNode()) {
    if (current.startsWith('electron') || !loadsInNode())
      rebuild({ npm_config_runtime: 'node', npm_config_build_from_source: 'true' }, wanted);
    else writeFileSync(marker, wanted);
  }
} else if (target === 'electron') {
  const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  const wanted = `electron-${version}`;
  if (current !== wanted) {
    // Electron's own headers, per Electron's "Using Native Node Modules" guide.
    rebuild(
      {
        npm_config_runtime: 'electron',
        npm_config_target: version,
        npm_config_disturl: 'https://electronjs.org/headers',
        npm_config_build_from_source: 'true',
        npm_config_nodedir: '',
      },
      wanted,
    );
  }
} else {
  console.error('usage: node scripts/electron-abi.mjs node|electron');
  process.exit(2);
}
