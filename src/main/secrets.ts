import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir } from './privateFiles';
import { dirname } from 'node:path';

/**
 * Where passwords live. In the desktop app this is the OS keychain (Electron
 * safeStorage, in src/main/shell); in tests and the CLI it is memory or a private file.
 * Secrets never go into SQLite.
 */
export interface SecretStore {
  get(ref: string): Promise<string | null>;
  set(ref: string, secret: string): Promise<void>;
  delete(ref: string): Promise<void>;
}

/** Keeps secrets for the life of the process (tests, demo). */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  async get(ref: string): Promise<string | null> {
    return this.secrets.get(ref) ?? null;
  }
  async set(ref: string, secret: string): Promise<void> {
    this.secrets.set(ref, secret);
  }
  async delete(ref: string): Promise<void> {
    this.secrets.delete(ref);
  }
}

/**
 * For the headless CLI, which has no keychain: a JSON file readable only by its owner
 * (mode 0600), kept beside the database but never inside it. Written atomically.
 */
export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (error) {
      throw new Error(
        `The password file ${this.file} is damaged (${(error as Error).message}). Delete it and run "account set" again to enter the password.`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error(
        `The password file ${this.file} does not hold passwords. Delete it and run "account set" again to enter the password.`,
      );
    return parsed as Record<string, string>;
  }

  private write(all: Record<string, string>): void {
    ensurePrivateDir(dirname(this.file));
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }

  async get(ref: string): Promise<string | null> {
    return this.read()[ref] ?? null;
  }
  async set(ref: string, secret: string): Promise<void> {
    this.write({ ...this.read(), [ref]: secret });
  }
  async delete(ref: string): Promise<void> {
    const { [ref]: _gone, ...rest } = this.read();
    this.write(rest);
  }
}
