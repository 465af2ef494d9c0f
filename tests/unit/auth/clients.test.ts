import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { availability, CLIENTS_FILE, DEFAULT_ISSUER_CLIENT_ID, resolveClient } from '../../../src/main/auth/clients';

const dirs: string[] = [];
function dataDir(file?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'promptly-clients-'));
  dirs.push(dir);
  if (file) writeFileSync(join(dir, CLIENTS_FILE), JSON.stringify(file));
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('OAuth client IDs', () => {
  it('takes the settings file first, then the environment, then the build', () => {
    const built = { PROMPTLY_MICROSOFT_CLIENT_ID: 'from-build' };
    const env = { PROMPTLY_MICROSOFT_CLIENT_ID: 'from-env' };
    expect(resolveClient('microsoft', { env: {}, built })).toEqual({ clientId: 'from-build' });
    expect(resolveClient('microsoft', { env, built })).toEqual({ clientId: 'from-env' });
    const dir = dataDir({ microsoft: { clientId: 'from-file' } });
    expect(resolveClient('microsoft', { dataDir: dir, env, built })).toEqual({ clientId: 'from-file' });
  });

  it('keeps Google’s installed-app secret with its ID', () => {
    const env = { PROMPTLY_GOOGLE_CLIENT_ID: 'g-id', PROMPTLY_GOOGLE_CLIENT_SECRET: 'g-secret' };
    expect(resolveClient('google', { env })).toEqual({ clientId: 'g-id', clientSecret: 'g-secret' });
  });

  it('gives an issuer its own entry, or the documented default ID', () => {
    const dir = dataDir({ issuers: { 'https://auth.example.com': { clientId: 'mail-app' } } });
    expect(resolveClient('https://auth.example.com', { dataDir: dir, env: {} })).toEqual({ clientId: 'mail-app' });
    expect(resolveClient('https://other.example.com', { dataDir: dir, env: {} })).toEqual({
      clientId: DEFAULT_ISSUER_CLIENT_ID,
    });
  });

  it('says what to do when a named provider has no client ID', () => {
    const [microsoft, google, issuer] = availability({ env: { PROMPTLY_GOOGLE_CLIENT_ID: 'g' } });
    expect(microsoft?.configured).toBe(false);
    expect(microsoft?.help).toMatch(/Register Promptly in Microsoft Entra/);
    expect(microsoft?.help).toMatch(/PROMPTLY_MICROSOFT_CLIENT_ID/);
    expect(google).toEqual({ provider: 'google', configured: true, help: null });
    expect(issuer?.configured).toBe(true);
  });

  it('names the file when it is malformed', () => {
    const dir = dataDir({ microsoft: { clientId: '' } });
    expect(() => resolveClient('microsoft', { dataDir: dir, env: {} })).toThrow(/oauth-clients\.json is not valid/);
  });
});
