import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { desktopSecretStore } = await import('../../../src/main/shell/desktopSecrets');
const { FileSecretStore } = await import('../../../src/main/secrets');
const { cliSecretsFile, keychainSecretsFile } = await import('../../../src/main/paths');

describe('one secrets policy for the app and the CLI', () => {
  let dataDir = '';
  beforeEach(() => {
    resetFake();
    dataDir = mkdtempSync(join(tmpdir(), 'promptly-secrets-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the app reads a password the CLI saved, even where the keychain cannot be used', async () => {
    await new FileSecretStore(cliSecretsFile(dataDir)).set('account:team@shop.test', 'from-cli');
    fake.state.safeStorage.backend = 'basic_text';
    expect(await desktopSecretStore(dataDir).get('account:team@shop.test')).toBe('from-cli');
  });

  it('the app seals what it saves with the keychain, and that wins over the CLI file', async () => {
    await new FileSecretStore(cliSecretsFile(dataDir)).set('account:a', 'old');
    const store = desktopSecretStore(dataDir);
    await store.set('account:a', 'new');
    expect(readFileSync(keychainSecretsFile(dataDir), 'utf8')).not.toContain('new');
    expect(await store.get('account:a')).toBe('new');
    await store.delete('account:a');
    expect(await store.get('account:a')).toBe(null);
    expect(await new FileSecretStore(cliSecretsFile(dataDir)).get('account:a')).toBe(null);
  });
});
