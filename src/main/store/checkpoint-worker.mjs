// Copies the WAL back into the database during a first sync, so the main thread's commits
// need not (store/checkpointer.ts). Plain JavaScript so it loads the same way under tsx,
// vitest and the Electron bundle.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// Its own connection to the main one's file. It only ever checkpoints: no migrations, and
// PASSIVE never waits for the writer, so the main thread's commits go on meanwhile.
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort.on('message', () => parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0]));
parentPort.postMessage('ready');
