import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../src/main/shell/platform';

// electron-builder's own loader and schema check, which read the file and need no Electron.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(dir: string, file: string, extra: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const plist = require('plist') as { parse(xml: string): unknown };

type Targets = { target: string[]; icon: string };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', async () => {
  const config = await getConfig(process.cwd(), 'electron-builder.yml', null);

  // Loading electron-builder's schema takes seconds on a busy machine.
  it("passes electron-builder's schema", { timeout: 30_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarr: true }, new DebugLogger(false))).rejects.toThrow();
  });

  it('builds Promptly for every platform with its icons', () => {
    // Windows groups the running app's windows and notifications under the installer's id.
    expect(config).toMatchObject({ appId: APP_ID, productName: 'Promptly', asar: true });
    expect((config.linux as Targets).target).toEqual(['AppImage', 'deb']);
    expect((config.mac as Targets).target).toEqual(['dmg']);
    expect((config.win as Targets).target).toEqual(['nsis']);
    for (const platform of ['linux', 'mac', 'win']) {
      const icon = (config[platform] as Targets).icon;
      const [width, height] = pngSize(icon);
      expect(width).toBeGreaterThanOrEqual(512);
      expect(height).toBe(width);
    }
  });

  // That the build puts the migrations and the parse worker next to the main bundle, and that
  // they reach app.asar, is checked on the real build: tests/packaging/linux-packages.test.ts.
  it('ships the built app, keeps the SQLite addon out of the archive, and copies tray images', () => {
    expect(config.files).toEqual([{ filter: expect.arrayContaining(['out/**', 'package.json']) }]);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['*.png'] }]);
    for (const image of ['tray.png', 'tray-due.png', 'tray-overdue.png', 'tray@2x.png'])
      expect(pngSize(`resources/${image}`)[0]).toBeGreaterThan(0);
  });

  it('gives the deb the metadata and libraries a minimal system needs', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository).toMatchObject({ type: 'git' });
    const deb = config.deb as { depends: string[]; recommends: string[] };
    // electron-builder's defaults, which `depends` replaces when set.
    for (const lib of ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0'])
      expect(deb.depends).toContain(lib);
    expect(deb.depends).toContain('libsecret-1-0');
    expect(deb.recommends).toContain('libappindicator3-1');
    // The window's class (from desktopName) and the launcher entry must match; the built entry's
    // StartupWMClass is checked in tests/packaging/linux-packages.test.ts.
    expect(pkg.desktopName).toBe('promptly.desktop');
    expect(config.linux).toMatchObject({ syncDesktopName: true });
  });

  it('keeps renderer-only libraries out of the packaged dependencies (Vite bundles them)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    for (const lib of ['react', 'react-dom', 'recharts', 'cmdk', 'dompurify', 'zustand', '@tanstack/react-virtual'])
      expect(Object.keys(pkg.dependencies)).not.toContain(lib);
  });

  it('signs and notarizes macOS builds under the hardened runtime when credentials are given', () => {
    const mac = config.mac as { entitlements: string; entitlementsInherit: string };
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    // V8 compiles code at run time, which the hardened runtime refuses unless this is granted.
    for (const file of [mac.entitlements, mac.entitlementsInherit])
      expect(plist.parse(readFileSync(file, 'utf8'))).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });
});
