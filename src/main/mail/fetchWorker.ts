import { Worker } from 'node:worker_threads';
import type { FetchMessageObject, FetchQueryObject, ImapFlowOptions } from 'imapflow';
import type { BodyOutcome } from './parsePool';

/** One message as the fetch worker read it: what the FETCH gave, its header fields and its body. */
export interface FetchedWhole {
  message: FetchMessageObject & { headers: Buffer };
  /** The source, only when the store keeps it (an unreadable or partly read body). */
  raw: Buffer | null;
  /** The source's size. */
  bytes: number;
  body: BodyOutcome;
}

type Sent = Omit<FetchMessageObject, 'flags' | 'headers'> & {
  flags: string[];
  headers: Uint8Array;
  raw: Uint8Array | null;
  bytes: number;
  body: BodyOutcome;
};

type Reply =
  | { type: 'ready' }
  | { type: 'messages'; messages: Sent[] }
  | { type: 'fetched'; sourceless: number[] }
  | { type: 'failed'; error: { message: string } };

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** What a fetch worker needs: a connection's options, the folder as the sync saw it, and the FETCH to run. */
export interface FetchWorkerSetup {
  options: ImapFlowOptions;
  path: string;
  uidValidity: number;
  query: FetchQueryObject;
  /** The header fields to keep (lower case), as the sync asks the server for them. */
  fieldNames: string[];
  /** Bytes sent and not yet stored past which the FETCH waits (the main thread's pace). */
  inFlightBytes: number;
}

/**
 * A first sync's whole-message FETCH on a worker thread with its own connection
 * (fetch-worker.mjs): imapflow's parsing of the answer, header fields and MIME leave the main
 * thread, which only stores (issue 16). Any failure (no worker, the connection refused or
 * dropped, the folder changed) ends it; the caller goes on with what is left on its own
 * connection, whose errors are the ones the person is told.
 */
export class FetchWorker {
  private readonly replies: Reply[] = [];
  private waiting: (() => void) | null = null;
  private ended = false;
  private exited = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: Reply) => this.hear(r));
    worker.on('error', (error) => this.end(error.message));
    worker.on('exit', () => {
      this.exited = true;
      this.end('the fetch worker stopped');
    });
  }

  /** Starts a worker and waits until its connection has the folder open; null when it cannot. */
  static async open(setup: FetchWorkerSetup): Promise<FetchWorker | null> {
    let worker: Worker;
    try {
      // A bounded heap, as the parse worker's: a hostile message fails alone.
      worker = new Worker(new URL('./fetch-worker.mjs', import.meta.url), {
        workerData: { ...setup, groupBytes: 256 * 1024 },
        resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 },
      });
    } catch {
      return null; // no worker file in this build, or options that cannot be sent
    }
    worker.unref(); // a worker still connecting when the sync ends must not keep the app running
    const fetcher = new FetchWorker(worker);
    const first = await fetcher.next();
    if (first.type === 'ready') return fetcher;
    await fetcher.close();
    return null;
  }

  /** Fetches these UIDs, handing each message to `take` in order; returns the UIDs sent without a source. Throws when the worker fails. */
  async fetch(uidSet: string, take: (m: FetchedWhole) => void): Promise<number[]> {
    if (this.ended) throw new Error('the fetch worker stopped');
    this.worker.postMessage({ type: 'fetch', uids: uidSet });
    for (;;) {
      const r = await this.next();
      if (r.type === 'fetched') return r.sourceless;
      if (r.type === 'failed') throw new Error(r.error.message);
      if (r.type !== 'messages') continue;
      for (const m of r.messages) {
        const { raw, bytes, body, ...message } = m;
        take({
          message: { ...message, flags: new Set(m.flags), headers: asBuffer(m.headers) },
          raw: raw ? asBuffer(raw) : null,
          bytes,
          body,
        });
      }
    }
  }

  /** Calls `closed` once the worker has stopped (its connection's slot is free again). */
  onClosed(closed: () => void): void {
    this.worker.once('exit', closed);
  }

  /** Ends the fetch in progress: it throws (the caller's storing failed). */
  abort(): void {
    this.end('the fetch was stopped');
  }

  /** These many bytes were stored: the FETCH may go on. */
  stored(bytes: number): void {
    if (!this.ended) this.worker.postMessage({ type: 'room', bytes });
  }

  /** Logs out and stops the worker (at most a second's wait for the server). */
  async close(): Promise<void> {
    if (this.exited) return;
    this.worker.postMessage({ type: 'close' });
    const stopped = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    const timer = setTimeout(() => void this.worker.terminate(), 1000);
    await stopped;
    clearTimeout(timer);
  }

  /** The worker's next reply, in the order sent. */
  private async next(): Promise<Reply> {
    while (this.replies.length === 0) await new Promise<void>((resolve) => (this.waiting = resolve));
    return this.replies.shift()!;
  }

  private hear(r: Reply): void {
    this.replies.push(r);
    const wake = this.waiting;
    this.waiting = null;
    wake?.();
  }

  private end(message: string): void {
    if (this.ended) return;
    this.ended = true;
    this.hear({ type: 'failed', error: { message } });
  }
}
