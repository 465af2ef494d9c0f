import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/tempDir';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake, electronModule } = await import('./fakeElectron');
const { SafeStorageSecretStore } = await import('../../../src/main/shell/safeStorageSecrets');

const file = () => join(tempDir('keychain'), 'secrets.json');

describe('the keychain secret store', () => {
  beforeEach(() => resetFake());

  it('stores only the sealed secret and reads it back through the async API', async () => {
    const path = file();
    const store = new SafeStorageSecretStore(path, undefined, 'linux');
    await store.set('account:a', 'hunter2');
    expect(readFileSync(path, 'utf8')).not.toContain('hunter2');
    expect(await store.get('account:a')).toBe('hunter2');
    expect(await store.get('account:b')).toBe(null);
  });

  it("refuses Linux's basic_text backend with advice for the person's desktop", async () => {
    fake.state.safeStorage.backend = 'basic_text';
    const sway = new SafeStorageSecretStore(file(), undefined, 'linux', { XDG_CURRENT_DESKTOP: 'sway' });
    const refusal = await sway.set('account:a', 'hunter2').catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'storage' });
    expect((refusal as Error).message).toContain('--password-store=gnome-libsecret');
    expect((refusal as Error).message).toContain('(sway)');
    const gnome = new SafeStorageSecretStore(file(), undefined, 'linux', { XDG_CURRENT_DESKTOP: 'GNOME' });
    await expect(gnome.set('account:a', 'hunter2')).rejects.toThrow(/gnome-keyring/);
    // The same backend name means nothing on other platforms.
    await new SafeStorageSecretStore(file(), undefined, 'darwin').set('account:a', 'x');
  });

  it('refuses when no keychain is available', async () => {
    fake.state.safeStorage.available = false;
    await expect(new SafeStorageSecretStore(file(), undefined, 'win32').set('a', 'x')).rejects.toMatchObject({
      code: 'storage',
    });
  });

  it('re-seals a secret when the keychain asks for it, and falls back to the sync API', async () => {
    const path = file();
    const base = electronModule.safeStorage;
    let reseal = true;
    const encryptStringAsync = vi.fn(async (text: string) => Buffer.from(`v2:${text}`));
    const storage = {
      ...base,
      encryptStringAsync,
      decryptStringAsync: async (bytes: Buffer) => {
        const shouldReEncrypt = reseal;
        reseal = false;
        return { result: bytes.toString().replace(/^(sealed|v2):/, ''), shouldReEncrypt };
      },
    };
    await new SafeStorageSecretStore(path, base as never, 'linux').set('a', 'pw');
    expect(await new SafeStorageSecretStore(path, storage as never, 'linux').get('a')).toBe('pw');
    expect(Buffer.from(JSON.parse(readFileSync(path, 'utf8')).a, 'base64').toString()).toBe('v2:pw');
    const syncOnly = {
      ...base,
      encryptStringAsync: undefined,
      decryptStringAsync: undefined,
      isAsyncEncryptionAvailable: undefined,
    };
    const legacy = new SafeStorageSecretStore(file(), syncOnly as never, 'linux');
    await legacy.set('a', 'old');
    expect(await legacy.get('a')).toBe('old');
  });
});
