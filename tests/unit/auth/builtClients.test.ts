import { build } from 'esbuild';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtClients, clientDefine } from '../../../src/main/auth/builtClients';
import { resolveClient } from '../../../src/main/auth/clients';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Bundles a program that prints what `builtClients()` returns, with `define`, and runs it. */
async function builtProgramSays(define: Record<string, string>): Promise<unknown> {
  const result = await build({
    stdin: {
      contents: "import { builtClients } from './src/main/auth/builtClients';\nexport default builtClients();",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    define,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    default: unknown;
  };
  return module.default;
}

describe('OAuth client IDs baked in at build time', () => {
  it('a build carries the client variables set where it ran, and nothing else', async () => {
    const define = clientDefine({
      PROMPTLY_MICROSOFT_CLIENT_ID: 'ms-built',
      PROMPTLY_GOOGLE_CLIENT_ID: '',
      HOME: '/root',
    });
    expect(await builtProgramSays(define)).toEqual({ PROMPTLY_MICROSOFT_CLIENT_ID: 'ms-built' });
    expect(resolveClient('microsoft', { env: {}, built: { PROMPTLY_MICROSOFT_CLIENT_ID: 'ms-built' } })).toEqual({
      clientId: 'ms-built',
    });
  });

  it('run from source (tests, npm run cli) there is nothing built in', async () => {
    expect(builtClients()).toEqual({});
    expect(await builtProgramSays({})).toEqual({});
  });

  it('the desktop build defines them from its environment (electron.vite.config.ts)', async () => {
    vi.stubEnv('PROMPTLY_GOOGLE_CLIENT_ID', 'g-built');
    vi.resetModules();
    const { default: config } = (await import('../../../electron.vite.config')) as {
      default: { main: { define: Record<string, string> } };
    };
    expect(JSON.parse(config.main.define.__PROMPTLY_BUILT_CLIENTS__!)).toMatchObject({
      PROMPTLY_GOOGLE_CLIENT_ID: 'g-built',
    });
  });
});
