import { safeStorage } from 'electron';
import { FileSecretStore, type SecretStore } from '../secrets';
import { AppError } from '../appError';
import { keychainAdvice } from './platform';

/** The part of Electron's safeStorage this store uses (the async API where it exists). */
type SafeStorageApi = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
> &
  Partial<Pick<typeof safeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>>;

/**
 * Secrets encrypted with the OS keychain (Electron safeStorage) and kept, encrypted, in a
 * file beside the database (never in SQLite). Uses the async API (Electron 39+) and the
 * synchronous one only where that is missing. Refuses Linux's `basic_text` backend, which
 * only obfuscates, rather than pretend the password is protected.
 */
export class SafeStorageSecretStore implements SecretStore {
  private readonly file: FileSecretStore;

  constructor(
    file: string,
    private readonly storage: SafeStorageApi = safeStorage,
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.file = new FileSecretStore(file);
  }

  private async ensureAvailable(): Promise<void> {
    const available = this.storage.isAsyncEncryptionAvailable
      ? await this.storage.isAsyncEncryptionAvailable()
      : this.storage.isEncryptionAvailable();
    if (!available)
      throw new AppError(
        'storage',
        'The system keychain is not available, so Promptly cannot store the password safely. Unlock or set up the keychain and try again.',
      );
    if (this.platform === 'linux' && this.storage.getSelectedStorageBackend() === 'basic_text')
      // Electron would seal the password with a key written in its own code.
      throw new AppError('storage', keychainAdvice(this.env));
  }

  private async encrypt(secret: string): Promise<string> {
    const sealed = this.storage.encryptStringAsync
      ? await this.storage.encryptStringAsync(secret)
      : this.storage.encryptString(secret);
    return sealed.toString('base64');
  }

  async get(ref: string): Promise<string | null> {
    const sealed = await this.file.get(ref);
    if (sealed === null) return null;
    await this.ensureAvailable();
    const bytes = Buffer.from(sealed, 'base64');
    if (!this.storage.decryptStringAsync) return this.storage.decryptString(bytes);
    const { result, shouldReEncrypt } = await this.storage.decryptStringAsync(bytes);
    // The keychain rotated its key or offers a stronger one: store the secret sealed anew.
    if (shouldReEncrypt) await this.file.set(ref, await this.encrypt(result));
    return result;
  }

  async set(ref: string, secret: string): Promise<void> {
    await this.ensureAvailable();
    await this.file.set(ref, await this.encrypt(secret));
  }

  async delete(ref: string): Promise<void> {
    await this.file.delete(ref);
  }
}
