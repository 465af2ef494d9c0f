import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/main/store/db';
import { databaseFile, cliSecretsFile } from '../../../src/main/paths';
import { FileSecretStore } from '../../../src/main/secrets';

const mode = (path: string): number => statSync(path).mode & 0o777;
const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the data folder is private', () => {
  it('is created 0700 with the database, its WAL and the CLI secrets 0600, whatever the umask', async () => {
    const root = mkdtempSync(join(tmpdir(), 'promptly-private-'));
    roots.push(root);
    const dataDir = join(root, 'Promptly');
    const previous = process.umask(0o022);
    try {
      const db = openDb(databaseFile(dataDir));
      db.prepare('CREATE TABLE probe (x)').run();
      db.prepare('INSERT INTO probe VALUES (1)').run();
      await new FileSecretStore(cliSecretsFile(dataDir)).set('ref', 'secret');
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['promptly.sqlite', 'promptly.sqlite-wal', 'promptly.sqlite-shm', 'cli-secrets.json'])
        expect(mode(join(dataDir, file)), file).toBe(0o600);
      db.close();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a folder and database left readable by an earlier version', () => {
    const root = mkdtempSync(join(tmpdir(), 'promptly-private-'));
    roots.push(root);
    const dataDir = join(root, 'Promptly');
    mkdirSync(dataDir, { mode: 0o755 });
    openDb(databaseFile(dataDir)).close();
    chmodSync(dataDir, 0o755);
    chmodSync(databaseFile(dataDir), 0o644);
    openDb(databaseFile(dataDir)).close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(databaseFile(dataDir))).toBe(0o600);
  });

  it('never changes a folder everyone shares, such as /tmp, though the database in it is private', () => {
    const root = mkdtempSync(join(tmpdir(), 'promptly-private-'));
    roots.push(root);
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const file = join(shared, 'team.sqlite');
    openDb(file).close();
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
    expect(mode(file)).toBe(0o600);
  });
});
