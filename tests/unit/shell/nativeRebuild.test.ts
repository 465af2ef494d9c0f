import { describe, expect, it } from 'vitest';
import { npmInvocation, rebuildEnv } from '../../../scripts/nativeRebuild.mjs';

describe('rebuilding better-sqlite3 (scripts/electron-abi.mjs)', () => {
  const npmCli = 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js';

  it('runs npm through this Node when npm started the script, on every OS', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const)
      expect(npmInvocation(platform, { npm_execpath: npmCli }, '/usr/bin/node')).toEqual({
        file: '/usr/bin/node',
        args: [npmCli],
        shell: false,
      });
  });

  it('goes through the shell for npm.cmd on Windows (Node refuses .cmd without it, CVE-2024-27980)', () => {
    expect(npmInvocation('win32', {}, 'C:\\node.exe')).toEqual({ file: 'npm.cmd', args: [], shell: true });
    expect(npmInvocation('linux', {}, '/usr/bin/node')).toEqual({ file: 'npm', args: [], shell: false });
    expect(npmInvocation('darwin', { npm_execpath: '/opt/pnpm' }, '/usr/bin/node')).toEqual({
      file: 'npm',
      args: [],
      shell: false,
    });
  });

  it('never forces a build from source, so prebuilt binaries for Electron are used where they exist', () => {
    const electron = rebuildEnv({ runtime: 'electron', version: '45.4.1' });
    expect(electron).toEqual({
      npm_config_runtime: 'electron',
      npm_config_target: '45.4.1',
      npm_config_disturl: 'https://electronjs.org/headers',
      npm_config_nodedir: '',
    });
    expect(rebuildEnv({ runtime: 'node' })).toEqual({ npm_config_runtime: 'node' });
    expect(JSON.stringify([electron, rebuildEnv({ runtime: 'node' })])).not.toContain('build_from_source');
  });
});
