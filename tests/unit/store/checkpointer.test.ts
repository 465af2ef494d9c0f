import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../../src/main/store/checkpointer';
import { openDb, WAL_SIZE_LIMIT, type Db } from '../../../src/main/store/db';

const MB = 1024 * 1024;
const folders: string[] = [];
const open: Db[] = [];

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function database(): { db: Db; file: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'promptly-'));
  folders.push(folder);
  const file = join(folder, 'promptly.sqlite');
  const db = openDb(file);
  open.push(db);
  db.exec('CREATE TABLE filler (n INTEGER, body BLOB)');
  return { db, file, folder };
}

/** One transaction of about half a megabyte: 128 rows of a page each. */
function writeBatch(db: Db, batch: number): void {
  const insert = db.prepare('INSERT INTO filler VALUES (?, randomblob(4000))');
  db.transaction(() => {
    for (let i = 0; i < 128; i++) insert.run(batch);
  })();
}

const autocheckpoint = (db: Db): number => db.pragma('wal_autocheckpoint', { simple: true }) as number;
const walBytes = (file: string): number => statSync(`${file}-wal`).size;

/** A worker script in the test's folder (the real one is src/main/store/checkpoint-worker.mjs). */
function workerScript(folder: string, body: string): URL {
  const file = join(folder, 'worker.mjs');
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
  return pathToFileURL(file);
}

/** Closes the main connection, opens the file again and counts what it holds. */
function reopened(db: Db, file: string): { rows: number; bytes: number; integrity: string } {
  db.close();
  const again = openDb(file);
  open.push(again);
  return {
    ...(again.prepare('SELECT count(*) AS rows, sum(length(body)) AS bytes FROM filler').get() as {
      rows: number;
      bytes: number;
    }),
    integrity: again.pragma('integrity_check', { simple: true }) as string,
  };
}

describe('checkpoints on a worker during a first sync', () => {
  it('copies the WAL back on the worker while autocheckpoint is off, then gives it back', async () => {
    const { db, file } = database();
    db.pragma('wal_autocheckpoint = 500');
    const checkpointer = new Checkpointer(db);
    expect(await checkpointer.started).toBe(true);
    expect(autocheckpoint(db)).toBe(0);
    for (let batch = 0; batch < 32; batch++) {
      writeBatch(db, batch);
      checkpointer.committed();
      await checkpointer.idle();
    }
    // 16 MB written: without the worker's checkpoints the WAL would hold all of it.
    expect(checkpointer.checkpoints.worker).toBeGreaterThanOrEqual(3);
    expect(checkpointer.checkpoints.main).toBe(0);
    expect(walBytes(file)).toBeLessThan(6 * MB);
    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(500);
    expect(reopened(db, file)).toEqual({ rows: 32 * 128, bytes: 32 * 128 * 4000, integrity: 'ok' });
  });

  it('asks the worker for one checkpoint at a time, and only when enough WAL waits', async () => {
    const { db } = database();
    const checkpointer = new Checkpointer(db);
    writeBatch(db, 0);
    checkpointer.committed();
    await checkpointer.idle();
    expect(checkpointer.checkpoints.worker).toBe(0); // half a megabyte is not worth one
    for (let batch = 1; batch < 10; batch++) writeBatch(db, batch);
    for (let i = 0; i < 5; i++) checkpointer.committed();
    await checkpointer.idle();
    expect(checkpointer.checkpoints.worker).toBe(1);
    checkpointer.committed(); // all copied back already
    await checkpointer.idle();
    expect(checkpointer.checkpoints.worker).toBe(1);
    await checkpointer.stop();
  });

  it('past the hard limit, the writer waits for the worker to copy everything back, and the WAL starts over', async () => {
    const { db } = database();
    const checkpointer = new Checkpointer(db, { askAt: MB, hardLimit: 4 * MB });
    for (let batch = 0; batch < 3; batch++) writeBatch(db, batch);
    await checkpointer.committed();
    await checkpointer.idle(); // the worker has answered once
    for (let batch = 3; batch < 13; batch++) writeBatch(db, batch); // 5 MB with nothing copied back
    await checkpointer.committed();
    expect(checkpointer.checkpoints).toEqual({ worker: 2, main: 0 });
    writeBatch(db, 13);
    const [status] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(status?.log).toBeLessThan(200); // the last batch's pages: the WAL started over
    await checkpointer.stop();
  });

  it('leaves no WAL file larger than the limit on disk once the WAL starts over', async () => {
    const { db, file } = database();
    const checkpointer = new Checkpointer(db, { askAt: 64 * MB, hardLimit: 64 * MB });
    for (let batch = 0; batch < 24; batch++) writeBatch(db, batch); // 12 MB, nothing copied back
    expect(walBytes(file)).toBeGreaterThan(WAL_SIZE_LIMIT);
    await checkpointer.stop();
    db.pragma('wal_checkpoint(PASSIVE)');
    writeBatch(db, 24);
    expect(walBytes(file)).toBeLessThanOrEqual(WAL_SIZE_LIMIT);
  });

  it('checkpoints on the main connection past the hard limit when the worker falls behind', async () => {
    const { db, file, folder } = database();
    const silent = workerScript(folder, "parentPort.on('message', () => {});\nparentPort.postMessage('ready');");
    const checkpointer = new Checkpointer(db, { workerFile: silent, askAt: MB, hardLimit: 2 * MB });
    expect(await checkpointer.started).toBe(true);
    for (let batch = 0; batch < 16; batch++) {
      writeBatch(db, batch);
      checkpointer.committed();
    }
    expect(checkpointer.checkpoints.main).toBeGreaterThanOrEqual(2);
    expect(walBytes(file)).toBeLessThan(3 * MB); // 8 MB written
    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(1000);
    expect(reopened(db, file)).toEqual({ rows: 16 * 128, bytes: 16 * 128 * 4000, integrity: 'ok' });
  });
});

describe('checkpoints stay on the main connection', () => {
  it('when the worker cannot start: autocheckpoint is given back at once and nothing is lost', async () => {
    const { db, file, folder } = database();
    db.pragma('wal_autocheckpoint = 500');
    const checkpointer = new Checkpointer(db, { workerFile: pathToFileURL(join(folder, 'missing.mjs')) });
    expect(await checkpointer.started).toBe(false);
    expect(autocheckpoint(db)).toBe(500);
    for (let batch = 0; batch < 16; batch++) {
      writeBatch(db, batch);
      checkpointer.committed();
    }
    expect(walBytes(file)).toBeLessThan(3 * MB); // the connection's own checkpoints, every 500 pages
    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(500);
    expect(reopened(db, file)).toEqual({ rows: 16 * 128, bytes: 16 * 128 * 4000, integrity: 'ok' });
  });

  it('when the worker fails mid-sync: autocheckpoint is given back and nothing is lost', async () => {
    const { db, file, folder } = database();
    const failing = workerScript(
      folder,
      "parentPort.on('message', () => { throw new Error('disk gone'); });\nparentPort.postMessage('ready');",
    );
    const checkpointer = new Checkpointer(db, { workerFile: failing });
    expect(await checkpointer.started).toBe(true);
    expect(autocheckpoint(db)).toBe(0);
    for (let batch = 0; batch < 10; batch++) writeBatch(db, batch);
    checkpointer.committed();
    await checkpointer.idle();
    expect(autocheckpoint(db)).toBe(1000);
    await checkpointer.stop();
    expect(reopened(db, file)).toEqual({ rows: 10 * 128, bytes: 10 * 128 * 4000, integrity: 'ok' });
  });

  it('for an in-memory database, and leaves its settings alone', async () => {
    const db = openDb(':memory:');
    open.push(db);
    const checkpointer = new Checkpointer(db);
    expect(await checkpointer.started).toBe(false);
    expect(autocheckpoint(db)).toBe(1000);
    checkpointer.committed();
    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(1000);
  });
});
