import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file names of Electron's Linux x64 release, as electron-builder copies them from an
 * unpacked `electronDist`. Electron itself cannot be downloaded on the build machines, so
 * each file is a small stand-in; the packaging check looks at what electron-builder
 * adds around them (the app, metadata, icons), not at Electron.
 */
export const ELECTRON_LINUX_FILES = [
  'electron',
  'chrome-sandbox',
  'chrome_crashpad_handler',
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'icudtl.dat',
  'libEGL.so',
  'libGLESv2.so',
  'libffmpeg.so',
  'libvk_swiftshader.so',
  'libvulkan.so.1',
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'vk_swiftshader_icd.json',
  'LICENSE',
  'LICENSES.chromium.html',
  'locales/en-US.pak',
];

/** Writes a stand-in unpacked Electron for `electronDist`. */
export function writeElectronStandIn(dir: string, version: string): void {
  for (const name of ELECTRON_LINUX_FILES) {
    const file = join(dir, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, name === 'electron' ? '#!/bin/sh\necho "stand-in Electron"\n' : `stand-in ${name}\n`);
  }
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
}

/** The bytes a stand-in AppImage runtime starts with (electron-builder prepends the runtime). */
export const RUNTIME_STANDIN = Buffer.from('#!/bin/sh\necho "stand-in AppImage runtime"\nexit 1\n');

/**
 * electron-builder's AppImage toolset layout (`APPIMAGE_TOOLS_PATH`) with Debian's own
 * mksquashfs and desktop-file-validate, and a stand-in runtime (the real one is downloaded).
 */
export function writeAppImageTools(dir: string): void {
  mkdirSync(join(dir, 'linux-x64'), { recursive: true });
  mkdirSync(join(dir, 'lib', 'x64'), { recursive: true });
  symlinkSync('/usr/bin/mksquashfs', join(dir, 'linux-x64', 'mksquashfs'));
  symlinkSync('/usr/bin/desktop-file-validate', join(dir, 'linux-x64', 'desktop-file-validate'));
  writeFileSync(join(dir, 'runtime-x64'), RUNTIME_STANDIN);
}

/** Debian's tools the packaging check runs, with the package that provides each. */
const TOOLS: Array<[tool: string, pkg: string]> = [
  ['/usr/bin/mksquashfs', 'squashfs-tools'],
  ['/usr/bin/unsquashfs', 'squashfs-tools'],
  ['/usr/bin/desktop-file-validate', 'desktop-file-utils'],
  ['/usr/bin/dpkg-deb', 'dpkg'],
];

/** Fails with the install command when a tool the check needs is missing (.ci/run installs them). */
export function requireDebianTools(): void {
  const missing = TOOLS.filter(([tool]) => !existsSync(tool)).map(([, pkg]) => pkg);
  if (missing.length > 0)
    throw new Error(
      `The packaging check needs ${[...new Set(missing)].join(', ')}: run \`sudo apt-get install ${[...new Set(missing)].join(' ')}\`.`,
    );
}
