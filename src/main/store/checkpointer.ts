import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from './db';

/** WAL not yet copied back past which the worker is asked to: about SQLite's own 1000 pages. */
const ASK_AT = 4 * 1024 * 1024;
/** Past this much WAL the writer waits for the worker to copy all of it back (see committed). */
const HARD_LIMIT = 64 * 1024 * 1024;
/** Each WAL frame is a page after a 24-byte header (sqlite.org/fileformat2.html, "WAL file format"). */
const FRAME_HEADER = 24;

export interface CheckpointerOptions {
  /** The worker's script; tests give one that is missing, silent or failing. */
  workerFile?: URL;
  askAt?: number;
  hardLimit?: number;
}

/**
 * Moves a connection's WAL checkpoints to a worker thread with its own connection while a
 * first sync writes (docs/ARCHITECTURE.md, "Sync engine outline"): the automatic checkpoint
 * ran inside the main thread's commits, copying pages and waiting on fsync. Without a
 * database file, or when the worker cannot start or fails, the connection checkpoints as
 * before. The worker only ever checkpoints, so nothing is lost whichever way it goes.
 */
export class Checkpointer {
  /** True once the worker's connection is open; false when checkpoints stay on the main connection. */
  readonly started: Promise<boolean>;
  /** Checkpoints asked of the worker, and run on the main connection past the hard limit. */
  readonly checkpoints = { worker: 0, main: 0 };
  private readonly askAt: number;
  private readonly hardLimit: number;
  private worker: Worker | null = null;
  /** The connection's own wal_autocheckpoint, to give back. */
  private saved: number | null = null;
  private shm: number | null = null;
  /** The wal-index header and checkpoint info, in the machine's byte order (sqlite.org/walformat.html). */
  private readonly walIndex = new Uint32Array(25);
  private frameBytes = 0;
  private asked = false;
  /** Checkpoints the worker has answered: one that never did is not waited for. */
  private answers = 0;
  /** The last hard-limit wait: if the WAL is still past the limit after it, the main connection checkpoints. */
  private drained = false;
  private readonly idleWaiters: Array<() => void> = [];
  private settleStarted: (ok: boolean) => void = () => undefined;

  constructor(
    private readonly db: Db,
    options: CheckpointerOptions = {},
  ) {
    this.askAt = options.askAt ?? ASK_AT;
    this.hardLimit = options.hardLimit ?? HARD_LIMIT;
    this.started = new Promise((settle) => (this.settleStarted = settle));
    if (!this.start(options.workerFile ?? new URL('./checkpoint-worker.mjs', import.meta.url))) this.fallBack();
  }

  /** Starts the worker and turns the connection's own checkpoints off; false when it cannot. */
  private start(workerFile: URL): boolean {
    const db = this.db;
    const saved = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    // Off already (another checkpointer holds it, or chosen): leave the connection as it is.
    if (db.pragma('journal_mode', { simple: true }) !== 'wal' || saved === 0) return false;
    try {
      this.shm = openSync(`${db.name}-shm`, 'r');
      this.frameBytes = (db.pragma('page_size', { simple: true }) as number) + FRAME_HEADER;
      // It holds one connection and answers one message: a heap of its own would only add to the sync's memory.
      const resourceLimits = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 1 };
      this.worker = new Worker(workerFile, { workerData: { file: resolve(db.name) }, resourceLimits });
    } catch {
      return false; // no wal-index to read or no worker here: checkpoint as before
    }
    this.worker.on('message', (reply: unknown) => this.answered(reply));
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
    this.worker.unref();
    this.saved = saved;
    db.pragma('wal_autocheckpoint = 0');
    return true;
  }

  /**
   * After each committed batch: asks for a checkpoint once enough WAL waits, at most one at a
   * time. Past the hard limit the writer waits (the promise) for a worker that has answered
   * before to copy everything back, so its next write starts the WAL over; a worker that never
   * answered, or a WAL still past the limit after such a wait (a reader pins it), gets the main
   * connection's checkpoint, as before.
   */
  committed(): Promise<void> {
    if (this.worker === null || this.shm === null) return Promise.resolve();
    try {
      readSync(this.shm, this.walIndex, 0, this.walIndex.byteLength, 0);
      const frames = this.walIndex[4] ?? 0; // mxFrame
      const copied = this.walIndex[24] ?? 0; // nBackfill
      if (frames * this.frameBytes >= this.hardLimit) {
        if (this.answers > 0 && !this.drained) return this.drain();
        this.db.pragma('wal_checkpoint(PASSIVE)');
        this.checkpoints.main++;
      } else if (!this.asked && (frames - copied) * this.frameBytes >= this.askAt) this.ask();
      this.drained = false;
    } catch {
      this.fallBack();
    }
    return Promise.resolve();
  }

  /** Waits for the checkpoint in flight, then has the worker copy back what is left while nothing writes. */
  private async drain(): Promise<void> {
    this.drained = true;
    await this.idle();
    if (this.worker === null) return;
    this.ask();
    await this.idle();
  }

  private ask(): void {
    this.asked = true;
    this.worker?.postMessage('checkpoint');
    this.checkpoints.worker++;
  }

  /** Settles once no checkpoint asked of the worker is running. */
  idle(): Promise<void> {
    return this.asked ? new Promise((wake) => this.idleWaiters.push(wake)) : Promise.resolve();
  }

  /** Stops the worker and gives the connection back its automatic checkpoints. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.fallBack();
    await worker?.terminate();
  }

  private answered(reply: unknown): void {
    if (reply === 'ready') return this.settleStarted(true);
    this.answers++;
    this.settle();
  }

  /** Checkpoints go back to the main connection; safe to call more than once. */
  private fallBack(): void {
    this.worker = null;
    if (this.saved !== null && this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.saved}`);
    this.saved = null;
    if (this.shm !== null) closeSync(this.shm);
    this.shm = null;
    this.settleStarted(false);
    this.settle();
  }

  private settle(): void {
    this.asked = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
