import { safeStorage } from 'electron';
import { FileSecretStore, type SecretStore } from '../secrets';

/**
 * Secrets encrypted with the OS keychain (Electron safeStorage) and kept, encrypted, in a
 * file beside the database. Refuses Linux's plain-text fallback rather than pretend.
 */
export class SafeStorageSecretStore implements SecretStore {
  private readonly file: FileSecretStore;
  constructor(file: string) {
    this.file = new FileSecretStore(file);
  }

  private ensureAvailable(): void {
    if (!safeStorage.isEncryptionAvailable())
      throw new Error('The system keychain is not available, so Promptly cannot store the password safely.');
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new Error(
        'No keychain (GNOME Keyring or KWallet) is running, so the password would be stored in plain text. Start a keychain and try again.',
      );
    }
  }

  async get(ref: string): Promise<string | null> {
    const sealed = await this.file.get(ref);
    if (sealed === null) return null;
    this.ensureAvailable();
    return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }
  async set(ref: string, secret: string): Promise<void> {
    this.ensureAvailable();
    await this.file.set(ref, safeStorage.encryptString(secret).toString('base64'));
  }
  async delete(ref: string): Promise<void> {
    await this.file.delete(ref);
  }
}
