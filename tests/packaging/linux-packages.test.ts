import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, Platform } from 'electron-builder';
import { workerFiles } from '../../scripts/runtimeFiles.mjs';
import { requireDebianTools, RUNTIME_STANDIN, writeAppImageTools, writeElectronStandIn } from './standins';

// `npm run dist` for Linux, offline: electron-builder with electron-builder.yml as it is,
// against a stand-in Electron (`electronDist`), Debian's mksquashfs and dpkg-deb (through
// a stand-in fpm), then assertions on the packages users would install. Only the
// Electron binary, the AppImage runtime and fpm are stand-ins (docs/packaging.md).
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(file: string): string[] };

const work = mkdtempSync(join(tmpdir(), 'promptly-packaging-'));
const dist = join(work, 'dist');
const deb = join(dist, 'promptly_0.1.0_amd64.deb');
const appImage = join(dist, 'Promptly-0.1.0.AppImage');
const electronVersion = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string })
  .version;
const run = (file: string, args: string[]): string =>
  execFileSync(file, args, { encoding: 'utf8', maxBuffer: 1 << 26 });

beforeAll(async () => {
  requireDebianTools();
  // The production build, without the test-only renderer pages Vitest's environment adds.
  const env = { ...process.env, VITEST: '', PROMPTLY_UI_FIXTURES: '', NODE_ENV: 'production' };
  execFileSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    env,
    stdio: 'pipe',
  });
  writeElectronStandIn(join(work, 'electron'), electronVersion);
  writeAppImageTools(join(work, 'appimage-tools'));
  process.env.CUSTOM_FPM_PATH = resolve('tests/packaging/fpm-standin.mjs');
  process.env.APPIMAGE_TOOLS_PATH = join(work, 'appimage-tools');
  await build({
    targets: Platform.LINUX.createTarget(['deb', 'AppImage']),
    publish: 'never',
    config: {
      electronDist: join(work, 'electron'),
      electronVersion,
      // The native addon stays built for Node here: rebuilding for Electron needs a download.
      npmRebuild: false,
      directories: { output: dist, buildResources: 'resources' },
    },
  });
  mkdirSync(join(work, 'deb'));
  run('dpkg-deb', ['-x', deb, join(work, 'deb')]);
}, 900_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the Linux packages electron-builder makes from electron-builder.yml', () => {
  it('the deb names its homepage, maintainer and the libraries Electron needs', () => {
    const field = (name: string) => run('dpkg-deb', ['-f', deb, name]).trim();
    expect(field('Package')).toBe('promptly');
    expect(field('Homepage')).toMatch(/^https:\/\//);
    expect(field('Maintainer')).toContain('@');
    const depends = field('Depends').split(/,\s*/);
    for (const lib of ['libgtk-3-0', 'libnss3', 'libnotify4', 'libxss1', 'libxtst6', 'xdg-utils', 'libsecret-1-0'])
      expect(depends).toContain(lib);
    expect(field('Recommends')).toContain('libappindicator3-1');
  });

  it('installs the app with the addon outside the archive, the icons and a valid launcher entry', () => {
    const files = run('dpkg-deb', ['-c', deb])
      .split('\n')
      .map((line) => line.split(/\s+/).at(-1) ?? '');
    for (const path of [
      './opt/Promptly/promptly',
      './opt/Promptly/resources/app.asar',
      './opt/Promptly/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      './opt/Promptly/resources/resources/icon.png',
      './opt/Promptly/resources/resources/trayTemplate@2x.png',
      './opt/Promptly/resources/resources/tray-overdue-light.png',
      './usr/share/icons/hicolor/512x512/apps/promptly.png',
      './usr/share/applications/promptly.desktop',
    ])
      expect(files).toContain(path);
    // The addon's C sources and build intermediates are not shipped.
    expect(files.filter((f) => /better-sqlite3\/(deps|src)\/|\/obj\/|test_extension/.test(f))).toEqual([]);
    const entry = join(work, 'deb', 'usr/share/applications/promptly.desktop');
    // Electron sets the window class from desktopName; the entry must say the same.
    expect(readFileSync(entry, 'utf8')).toMatch(/^StartupWMClass=promptly$/m);
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=\/opt\/Promptly\/promptly %U$/m);
    run('desktop-file-validate', [entry]);
  });

  it('app.asar holds the built main, preload, renderer, migrations and worker files, and no renderer libraries', () => {
    const listed = asar.listPackage(join(work, 'deb', 'opt/Promptly/resources/app.asar'));
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      ...workerFiles().map((file) => `/out/main/${basename(file)}`),
      '/out/main/migrations/001_core.sql',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ])
      expect(listed).toContain(path);
    const migrations = listed.filter((p) => p.startsWith('/out/main/migrations/') && p.endsWith('.sql'));
    expect(migrations.length).toBe(readdirSync('src/main/store/migrations').filter((f) => f.endsWith('.sql')).length);
    for (const library of ['react', 'react-dom', 'recharts', 'cmdk', 'dompurify', 'zustand'])
      expect(listed).not.toContain(`/node_modules/${library}`);
    expect(listed).not.toContain('/out/renderer/fixture.html');
    expect(listed.some((p) => p.endsWith('.map'))).toBe(false);
  });

  it('the AppImage carries the same app, the launcher entry and the icon', () => {
    const listing = run('unsquashfs', ['-o', String(RUNTIME_STANDIN.length), '-l', appImage]);
    for (const path of [
      'squashfs-root/AppRun',
      'squashfs-root/promptly.desktop',
      'squashfs-root/promptly',
      'squashfs-root/resources/app.asar',
      'squashfs-root/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'squashfs-root/resources/resources/tray.png',
    ])
      expect(listing.split('\n')).toContain(path);
    expect(readFileSync(appImage).subarray(0, RUNTIME_STANDIN.length).equals(RUNTIME_STANDIN)).toBe(true);
  });
});
