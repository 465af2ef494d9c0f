import { FileSecretStore, type SecretStore } from '../secrets';
import { cliSecretsFile, keychainSecretsFile } from '../paths';
import { SafeStorageSecretStore } from './safeStorageSecrets';

/**
 * Secrets in two places, read in order: new ones go to `primary`; a secret `primary` lacks
 * is read from `fallback`. Deleting removes it from both, so nothing lingers.
 */
export class ReadThroughSecretStore implements SecretStore {
  constructor(
    private readonly primary: SecretStore,
    private readonly fallback: SecretStore,
  ) {}

  async get(ref: string): Promise<string | null> {
    return (await this.primary.get(ref)) ?? this.fallback.get(ref);
  }
  async set(ref: string, secret: string): Promise<void> {
    await this.primary.set(ref, secret);
  }
  async delete(ref: string): Promise<void> {
    await this.primary.delete(ref);
    await this.fallback.delete(ref);
  }
}

/**
 * The desktop app's secrets for a data folder, one policy for every entry point: the app
 * seals passwords with the OS keychain (secrets.json) and also reads what the CLI saved
 * (cli-secrets.json), so an account set up with `promptly account set` is not "missing".
 */
export function desktopSecretStore(dataDir: string, keychain?: SecretStore): SecretStore {
  return new ReadThroughSecretStore(
    keychain ?? new SafeStorageSecretStore(keychainSecretsFile(dataDir)),
    new FileSecretStore(cliSecretsFile(dataDir)),
  );
}
