import type { ImapFlow } from 'imapflow';
import type { Folder } from '../../store/repos/folders';
import { storeBatch, type IncomingMessage } from '../../store/ingest';
import { Checkpointer } from '../../store/checkpointer';
import { withHeaderText } from '../envelope';
import { syncHeaderFields } from './headerBlock';
import { ParsePool, type BodyOutcome } from '../parsePool';
import {
  envelopeQuery,
  fetchHeaderBatch,
  FIRST_BATCH,
  HEADER_BATCH,
  incomingFromEnvelope,
  lostText,
  type EnvelopeMessage,
} from './headers';
import { newestFirstChunks, toSequenceSet } from './uidSet';
import { fetchBodies } from './bodies';
import { commitTouching, progressReporter, type SyncContext } from './context';

/**
 * Bytes fetched but not yet stored; past this the FETCH waits (the server's data waits in TCP).
 * A few hundred typical messages keep the worker busy; more only grows both heaps and their GC.
 */
const IN_FLIGHT_BYTES = 4 * 1024 * 1024;
/** At most this many messages, or bytes, per store transaction. */
const STORE_COUNT = 500;
const STORE_BYTES = 1024 * 1024;

/** One fetched message: its envelope's message, its source, and its body as the worker reads it. */
interface Arrival {
  incoming: EnvelopeMessage;
  /** The header block when the envelope lost 8-bit text (see lostText). */
  lostBlock: Buffer | null;
  raw: Buffer;
  body: Promise<BodyOutcome>;
}

/** Counts bytes in flight and makes the fetch wait while there are too many. */
class ByteBudget {
  private used = 0;
  private waiting: (() => void) | null = null;
  private failure: unknown = null;

  /** Whether `bytes` more fit now (a message larger than the whole budget fits when nothing else is in flight). */
  fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= IN_FLIGHT_BYTES;
  }

  /** Waits until `bytes` fit; throws what stopped the storing, if it stopped. */
  async take(bytes: number): Promise<void> {
    while (this.failure === null && !this.fits(bytes)) await new Promise<void>((resolve) => (this.waiting = resolve));
    if (this.failure !== null) throw this.failure;
    this.used += bytes;
  }

  give(bytes: number): void {
    this.used -= bytes;
    this.wake();
  }

  /** Storing failed: the fetch stops at its next message instead of waiting for room. */
  fail(error: unknown): void {
    this.failure = error;
    this.wake();
  }

  private wake(): void {
    const wake = this.waiting;
    this.waiting = null;
    wake?.();
  }
}

const sizeOf = (arrivals: Arrival[]): number => arrivals.reduce((sum, a) => sum + a.raw.length, 0);

/** The message as stored: envelope fields with the parsed body, or kept raw when the body is unreadable. */
async function complete(a: Arrival): Promise<IncomingMessage> {
  const parsed = a.lostBlock ? await withHeaderText(a.incoming.parsed, a.lostBlock) : a.incoming.parsed;
  const outcome = await a.body;
  if (!outcome.ok) return { ...a.incoming, parsed, raw: a.raw, bodyError: outcome.error };
  return { ...a.incoming, parsed: { ...parsed, ...outcome.body }, raw: a.raw, bodyState: 'done' };
}

/** The newest batches are listed from their headers first, as later passes do: the first screen at once. */
const LISTED_FIRST = 2;

/**
 * The first sync of a folder, in one pass: each message's envelope, header fields, flags and
 * source (BODY.PEEK[], which never sets \Seen, RFC 3501 §6.4.5) in one FETCH, newest first in
 * the header phase's batches, so messages are stored, threaded and indexed in the same order
 * as a headers-then-bodies sync and end the same. Only the newest batches go headers first,
 * then bodies, so the newest conversations show without waiting for their parsing. The rest
 * is parsed on a worker while the main thread stores earlier messages, one transaction per
 * store batch. A batch holding a `large` message (streamed to a file by the body phase, never
 * held whole) takes the header phase's path. Returns the UIDs the server answered with and
 * how many messages could not be read.
 */
export async function fetchWhole(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  uids: number[],
  large: ReadonlySet<number>,
): Promise<{ received: Set<number>; failed: number }> {
  const chunks = newestFirstChunks(uids, HEADER_BATCH, FIRST_BATCH);
  const report = progressReporter(ctx, folder.path, uids.length);
  const received = new Set<number>();
  let done = 0;
  for (const chunk of chunks.slice(0, LISTED_FIRST)) {
    await fetchHeaderBatch(client, ctx, folder, chunk, received);
    done += chunk.length;
    report(done);
  }
  // The parse worker starts once the first screen is stored: its start-up competed with it.
  const pool = new ParsePool();
  let checkpoints: Checkpointer | null = null;
  const rest = new WholeMessages(client, ctx, folder, pool, large, () => checkpoints?.committed() ?? Promise.resolve());
  try {
    const listed = await fetchBodies(client, ctx, folder, done, pool);
    // The bulk of the writes follows: the WAL is copied back on a worker, not inside their commits.
    checkpoints = new Checkpointer(ctx.db);
    for (const chunk of chunks.slice(LISTED_FIRST)) {
      await rest.fetch(chunk, received);
      report(done + rest.stored);
    }
    await rest.finish();
    report(done + rest.stored);
    return { received, failed: listed.failed + rest.failed };
  } finally {
    // A dropped connection still stores what arrived whole before it.
    await rest.finish().catch(() => undefined);
    await checkpoints?.stop();
    await pool.close();
  }
}

/** The one-pass part of a first sync: batches fetched whole, parsed on the workers and stored in order. */
class WholeMessages {
  stored = 0;
  failed = 0;
  private readonly budget = new ByteBudget();
  private readonly gmail: boolean;
  private storing: Promise<void> = Promise.resolve();
  private group: Arrival[] = [];
  private groupBytes = 0;

  constructor(
    private readonly client: ImapFlow,
    private readonly ctx: SyncContext,
    private readonly folder: Folder,
    private readonly pool: ParsePool,
    private readonly large: ReadonlySet<number>,
    /** Called after each batch is committed (the checkpointer's cue); the next batch is stored after it settles. */
    private readonly committed: () => Promise<void>,
  ) {
    this.gmail = client.capabilities.has('X-GM-EXT-1');
  }

  /** Fetches one batch; its messages are stored while the next batch is fetched. */
  async fetch(chunk: number[], received: Set<number>): Promise<void> {
    if (chunk.some((uid) => this.large.has(uid))) {
      await this.finish(); // in order: this batch's messages come after the ones before it
      await fetchHeaderBatch(this.client, this.ctx, this.folder, chunk, received);
      await this.committed();
      this.stored += chunk.length;
      return;
    }
    // The header fields come from the source (syncHeaderFields), not a second copy from the server.
    const query = { ...envelopeQuery(this.gmail), headers: false, source: true };
    const sourceless: number[] = [];
    for await (const fetched of this.client.fetch(toSequenceSet(chunk), query, { uid: true })) {
      const raw = fetched.source ?? null;
      if (raw === null) {
        sourceless.push(fetched.uid);
        continue;
      }
      received.add(fetched.uid);
      if (!this.budget.fits(raw.length)) this.flush();
      await this.budget.take(raw.length);
      const msg = { ...fetched, headers: syncHeaderFields(raw) };
      const incoming = incomingFromEnvelope(this.ctx, this.folder, msg, this.gmail);
      this.group.push({
        incoming,
        lostBlock: lostText(incoming, msg) ? msg.headers : null,
        raw,
        body: this.pool.parseBody(raw),
      });
      this.groupBytes += raw.length;
      if (this.group.length >= STORE_COUNT || this.groupBytes >= STORE_BYTES) this.flush();
    }
    this.flush();
    // Rare: the server sent no source; the header phase lists them and the body phase reads them.
    if (sourceless.length > 0) {
      await this.finish();
      await fetchHeaderBatch(this.client, this.ctx, this.folder, sourceless, received);
      this.stored += sourceless.length;
    }
  }

  /** Waits until everything fetched is stored; throws what stopped the storing. */
  async finish(): Promise<void> {
    this.flush();
    await this.storing;
  }

  /** Queues the messages fetched so far to be stored, after the ones queued before them. */
  private flush(): void {
    const batch = this.group;
    this.group = [];
    this.groupBytes = 0;
    if (batch.length === 0) return;
    this.storing = this.storing.then(async () => {
      const messages = await Promise.all(batch.map(complete));
      commitTouching(this.ctx, () => storeBatch(this.ctx.db, messages, this.ctx.teamAddresses));
      this.budget.give(sizeOf(batch));
      this.stored += batch.length;
      this.failed += messages.filter((m) => m.bodyError !== undefined).length;
      await this.committed();
    });
    this.storing.catch((error: unknown) => this.budget.fail(error)); // rethrown by finish()
  }
}
