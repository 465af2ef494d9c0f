// Pure decisions for scripts/electron-abi.mjs, kept apart so they are unit-tested per OS.

/**
 * How to run npm from a script. Under `npm run`, npm names its own entry script in
 * `npm_execpath`; running that with this Node needs no shell on any OS. Without it,
 * Windows must go through the shell: since Node 20.12.2 spawning `npm.cmd` without
 * `shell: true` fails with EINVAL (CVE-2024-27980).
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 * @param {string} execPath
 * @returns {{ file: string, args: string[], shell: boolean }}
 */
export function npmInvocation(platform, env, execPath) {
  const entry = env.npm_execpath;
  if (entry && /\.[cm]?js$/.test(entry)) return { file: execPath, args: [entry], shell: false };
  if (platform === 'win32') return { file: 'npm.cmd', args: [], shell: true };
  return { file: 'npm', args: [], shell: false };
}

/**
 * The npm settings that rebuild better-sqlite3 for a runtime. Nothing forces a build
 * from source: its install script fetches a prebuilt binary for that Node or Electron ABI
 * first and compiles only when none can be fetched (which needs Python and a C++
 * toolchain). For Electron, headers come from Electron's own server, per Electron's
 * "Using Native Node Modules" guide, and a machine-wide `nodedir` must not apply.
 * @param {{ runtime: 'node' } | { runtime: 'electron', version: string }} target
 * @returns {Record<string, string>}
 */
export function rebuildEnv(target) {
  if (target.runtime === 'node') return { npm_config_runtime: 'node' };
  return {
    npm_config_runtime: 'electron',
    npm_config_target: target.version,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_nodedir: '',
  };
}
