import type { FetchMessageObject, FetchQueryObject, ImapFlow, MailboxObject } from 'imapflow';
import type { Folder } from '../../store/repos/folders';
import { storeBatch, type IncomingMessage } from '../../store/ingest';
import { Checkpointer } from '../../store/checkpointer';
import { holdIndexMerges, resumeIndexMerges } from '../../store/repos/searchIndex';
import { withHeaderText } from '../envelope';
import { SYNC_HEADER_FIELDS, syncHeaderFields } from './headerBlock';
import { FetchWorker } from '../fetchWorker';
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
  /** The source (from the fetch worker only where the store keeps it). */
  raw: Buffer | null;
  bytes: number;
  body: Promise<BodyOutcome>;
  /** Gives its bytes back to whoever fetched it, once stored. */
  room: (bytes: number) => void;
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

  /** Throws what stopped the storing, if it stopped. */
  check(): void {
    if (this.failure !== null) throw this.failure;
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

/** Gives each fetcher back the bytes of its stored messages, in one call each. */
function makeRoom(arrivals: Arrival[]): void {
  const freed = new Map<(bytes: number) => void, number>();
  for (const a of arrivals) freed.set(a.room, (freed.get(a.room) ?? 0) + a.bytes);
  for (const [room, bytes] of freed) room(bytes);
}

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
  // The workers start once the first screen is stored: their start-up competed with it.
  const remote = chunks.length > LISTED_FIRST ? openFetchWorker(client, ctx, folder) : null;
  const pool = new ParsePool();
  let checkpoints: Checkpointer | null = null;
  const rest = new WholeMessages(client, ctx, folder, pool, large, () => checkpoints?.committed() ?? Promise.resolve());
  try {
    if (remote) rest.offerWorker(remote);
    const listed = await fetchBodies(client, ctx, folder, done, pool);
    // The bulk of the writes follows: the WAL is copied back on a worker, not inside their
    // commits, and the index's segments are merged after them.
    checkpoints = new Checkpointer(ctx.db);
    holdIndexMerges(ctx.db);
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
    givenBack(ctx.db);
    await rest.close();
    await pool.close();
  }
}

/** Index merging given back; where that write fails too (a full disk), the next opening does it (store/db.ts). */
function givenBack(db: SyncContext['db']): void {
  try {
    resumeIndexMerges(db);
  } catch {
    // the error that ended the sync is the one to report
  }
}

/** A fetch worker on a spare connection, when the budget has one (see mail/fetchWorker.ts); null otherwise. */
async function openFetchWorker(client: ImapFlow, ctx: SyncContext, folder: Folder): Promise<FetchWorker | null> {
  const uidValidity = client.mailbox ? (client.mailbox as MailboxObject).uidValidity : undefined;
  if (!ctx.spareConnection || uidValidity === undefined) return null;
  const spare = await ctx.spareConnection().catch(() => null);
  if (!spare) return null;
  const worker = await FetchWorker.open({
    options: spare.options,
    path: folder.path,
    uidValidity: Number(uidValidity),
    query: wholeQuery(client.capabilities.has('X-GM-EXT-1')),
    fieldNames: SYNC_HEADER_FIELDS,
    inFlightBytes: IN_FLIGHT_BYTES,
  });
  if (!worker) spare.release();
  else worker.onClosed(spare.release);
  return worker;
}

/** The one-pass FETCH: envelope, flags and source; the header fields are read from the source (syncHeaderFields). */
const wholeQuery = (gmail: boolean): FetchQueryObject => ({ ...envelopeQuery(gmail), headers: false, source: true });

/** The one-pass part of a first sync: batches fetched whole, parsed on the workers and stored in order. */
class WholeMessages {
  stored = 0;
  failed = 0;
  private readonly budget = new ByteBudget();
  private readonly gmail: boolean;
  private storing: Promise<void> = Promise.resolve();
  private group: Arrival[] = [];
  private groupBytes = 0;
  private worker: FetchWorker | null = null;
  /** The fetch worker once it is up, until the next batch starts on it. */
  private ready: FetchWorker | null = null;
  private closed = false;
  /** The parse worker, stopped once the fetch worker (which parses too) takes over; a fallback starts another. */
  private pool: ParsePool | null;

  constructor(
    private readonly client: ImapFlow,
    private readonly ctx: SyncContext,
    private readonly folder: Folder,
    pool: ParsePool,
    private readonly large: ReadonlySet<number>,
    /** Called after each batch is committed (the checkpointer's cue); the next batch is stored after it settles. */
    private readonly committed: () => Promise<void>,
  ) {
    this.gmail = client.capabilities.has('X-GM-EXT-1');
    this.pool = pool;
  }

  /** The batches after this worker is up are fetched on it; never waited for. */
  offerWorker(opening: Promise<FetchWorker | null>): void {
    void opening.then(async (worker) => {
      if (worker && this.closed) await worker.close();
      else this.ready = worker;
    });
  }

  /** Stops the fetch worker (one still starting stops when it is up) and the parse worker of a fallback. */
  async close(): Promise<void> {
    this.closed = true;
    for (const worker of [this.worker, this.ready]) await worker?.close();
    this.worker = this.ready = null;
    await this.pool?.close();
  }

  /** Moves to the fetch worker between batches, once what the parse worker read is stored. */
  private async switchToWorker(): Promise<void> {
    this.worker = this.ready;
    this.ready = null;
    await this.finish();
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
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
    if (this.ready) await this.switchToWorker();
    const left = this.worker ? await this.fetchOnWorker(chunk, received) : chunk;
    if (left.length === 0) return;
    const sourceless: number[] = [];
    for await (const fetched of this.client.fetch(toSequenceSet(left), wholeQuery(this.gmail), { uid: true })) {
      const raw = fetched.source ?? null;
      if (raw === null) {
        sourceless.push(fetched.uid);
        continue;
      }
      received.add(fetched.uid);
      if (!this.budget.fits(raw.length)) this.flush();
      await this.budget.take(raw.length);
      const message = { ...fetched, headers: syncHeaderFields(raw) };
      const body = (this.pool ??= new ParsePool()).parseBody(raw);
      this.take(message, { raw, bytes: raw.length, body, room: (bytes) => this.budget.give(bytes) });
    }
    this.flush();
    await this.headersFirst(sourceless, received);
  }

  /**
   * Fetches a batch on the worker; returns the UIDs it did not deliver: none, or all it had
   * not sent when it failed (the worker is then stopped and this connection goes on).
   */
  private async fetchOnWorker(chunk: number[], received: Set<number>): Promise<number[]> {
    const worker = this.worker!;
    try {
      const sourceless = await worker.fetch(toSequenceSet(chunk), (m) => {
        received.add(m.message.uid);
        const room = (bytes: number): void => worker.stored(bytes);
        this.take(m.message, { raw: m.raw, bytes: m.bytes, body: Promise.resolve(m.body), room });
      });
      this.flush();
      await this.headersFirst(sourceless, received);
      return [];
    } catch {
      this.flush();
      this.worker = null;
      await worker.close();
      this.budget.check(); // storing failed: that is the error, not the worker's
      return chunk.filter((uid) => !received.has(uid));
    }
  }

  /** Queues one fetched message to be stored after the ones before it. */
  private take(message: FetchMessageObject & { headers: Buffer }, a: Omit<Arrival, 'incoming' | 'lostBlock'>): void {
    const incoming = incomingFromEnvelope(this.ctx, this.folder, message, this.gmail);
    this.group.push({ ...a, incoming, lostBlock: lostText(incoming, message) ? message.headers : null });
    this.groupBytes += a.bytes;
    if (this.group.length >= STORE_COUNT || this.groupBytes >= STORE_BYTES) this.flush();
  }

  /** Rare: the server sent no source; the header phase lists them and the body phase reads them. */
  private async headersFirst(sourceless: number[], received: Set<number>): Promise<void> {
    if (sourceless.length === 0) return;
    await this.finish();
    await fetchHeaderBatch(this.client, this.ctx, this.folder, sourceless, received);
    this.stored += sourceless.length;
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
      makeRoom(batch);
      this.stored += batch.length;
      this.failed += messages.filter((m) => m.bodyError !== undefined).length;
      await this.committed();
    });
    this.storing.catch((error: unknown) => {
      this.budget.fail(error); // rethrown by finish()
      this.worker?.abort(); // it waits for room that storing will never make
    });
  }
}
