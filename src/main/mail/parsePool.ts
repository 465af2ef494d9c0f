import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedMessage } from '../../shared/types';
import { parseMessage, toParsed, type MailShape } from './parse';
import { bodyOutcome, type MessageBody } from './mailShape.mjs';

/** A parse outcome: the message, or why it could not be read. */
export type ParseOutcome = { ok: true; message: ParsedMessage } | { ok: false; error: string };

/** A body parse outcome: what the store keeps of the body, or why it could not be read. */
export type BodyOutcome = Awaited<ReturnType<typeof bodyOutcome>>;

type Reply = { id: number; ok: true; result: MailShape | MessageBody } | { id: number; ok: false; error: string };

interface Job {
  raw: Buffer;
  /** Whole message (with this fallback date) or only its body. */
  fallbackDate: number | null;
  resolve: (outcome: ParseOutcome | BodyOutcome) => void;
}

/**
 * MIME parsing on worker threads, so the main thread keeps storing and indexing while the
 * next batch parses (docs/ARCHITECTURE.md: parse in workers). Falls back to parsing in-process
 * if a worker cannot start. One worker per spare core (at least one).
 */
export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private turn = 0;

  constructor(size = Math.max(1, Math.min(4, cpus().length - 1))) {
    for (let i = 0; i < size; i++) {
      try {
        // A bounded heap: a hostile message must not grow the app without limit (it fails alone).
        // A small young generation: the default grew it by tens of MB in a first sync (issue 16's 400 MB).
        const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
          resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 },
        });
        worker.on('message', (reply: Reply) => this.settle(reply));
        worker.on('error', () => this.failAll(worker));
        worker.unref();
        this.workers.push(worker);
      } catch {
        break; // no worker file in this build: parse in-process
      }
    }
  }

  /** Parses one whole message; never rejects. */
  parse(raw: Buffer, fallbackDate: number): Promise<ParseOutcome> {
    return this.post(raw, fallbackDate) as Promise<ParseOutcome>;
  }

  /** Parses only what the store keeps of a message's body (its headers come from elsewhere); never rejects. */
  parseBody(raw: Buffer): Promise<BodyOutcome> {
    return this.post(raw, null) as Promise<BodyOutcome>;
  }

  private post(raw: Buffer, fallbackDate: number | null): Promise<ParseOutcome | BodyOutcome> {
    const worker = this.workers[this.turn++ % Math.max(1, this.workers.length)];
    if (!worker) return inProcess(raw, fallbackDate);
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.jobs.set(id, { raw, fallbackDate, resolve });
      worker.postMessage({ id, raw, body: fallbackDate === null });
    });
  }

  private settle(reply: Reply): void {
    const job = this.jobs.get(reply.id);
    if (!job) return;
    this.jobs.delete(reply.id);
    if (!reply.ok) return job.resolve({ ok: false, error: reply.error });
    job.resolve(
      job.fallbackDate === null
        ? { ok: true, body: reply.result as MessageBody }
        : { ok: true, message: toParsed(reply.result as MailShape, job.raw, job.fallbackDate) },
    );
  }

  private failAll(worker: Worker): void {
    this.workers.splice(this.workers.indexOf(worker), 1);
    // Jobs in flight on a crashed worker are parsed in-process instead of being lost.
    for (const [id, job] of this.jobs) {
      this.jobs.delete(id);
      void inProcess(job.raw, job.fallbackDate).then(job.resolve);
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}

function inProcess(raw: Buffer, fallbackDate: number | null): Promise<ParseOutcome | BodyOutcome> {
  return fallbackDate === null ? bodyOutcome(raw) : parseMessage(raw, fallbackDate);
}
