import type { ImapFlow } from 'imapflow';
import type { Folder } from '../../store/repos/folders';
import { storeBatch, type IncomingMessage } from '../../store/ingest';
import { withHeaderText } from '../envelope';
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
import { progressReporter, type SyncContext } from './context';

/** Bytes fetched but not yet stored; past this the FETCH waits (the server's data waits in TCP). */
const IN_FLIGHT_BYTES = 32 * 1024 * 1024;
/** At most this many messages, or bytes, per store transaction. */
const STORE_COUNT = 500;
const STORE_BYTES = 4 * 1024 * 1024;

/** One fetched message: its envelope's message, its source, and its body as the worker reads it. */
interface Arrival {
  incoming: EnvelopeMessage;
  /** The header block when the envelope lost 8-bit text (see lostText). */
  lostBlock: Buffer | null;
  raw: Buffer | null;
  body: Promise<BodyOutcome> | null;
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

const sizeOf = (arrivals: Arrival[]): number => arrivals.reduce((sum, a) => sum + (a.raw?.length ?? 0), 0);

/** The message as stored: envelope fields with the parsed body, or kept raw when the body is unreadable. */
async function complete(a: Arrival): Promise<IncomingMessage> {
  const parsed = a.lostBlock ? await withHeaderText(a.incoming.parsed, a.lostBlock) : a.incoming.parsed;
  const outcome = a.body ? await a.body : null;
  if (outcome === null) return { ...a.incoming, parsed }; // no source came: the body phase fetches it
  if (!outcome.ok) return { ...a.incoming, parsed, raw: a.raw, bodyError: outcome.error };
  return { ...a.incoming, parsed: { ...parsed, ...outcome.body }, raw: a.raw, bodyState: 'done' };
}

/**
 * The first sync of a folder, in one pass: each message's envelope, header fields, flags and
 * source (BODY.PEEK[], which never sets \Seen, RFC 3501 §6.4.5) in one FETCH, newest first in
 * the header phase's batches, so messages are stored, threaded and indexed in the same order
 * as a headers-then-bodies sync and end the same. The body is parsed on workers while the main
 * thread stores earlier messages, one transaction per store batch. A batch holding a `large`
 * message (streamed to a file by the body phase, never held whole) takes the header phase's
 * path instead. Returns the UIDs the server answered with.
 */
export async function fetchWhole(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  uids: number[],
  large: ReadonlySet<number>,
): Promise<Set<number>> {
  const gmail = client.capabilities.has('X-GM-EXT-1');
  const report = progressReporter(ctx, folder.path, uids.length);
  const budget = new ByteBudget();
  const pool = new ParsePool();
  const received = new Set<number>();
  let done = 0;
  let storing: Promise<void> = Promise.resolve();
  let group: Arrival[] = [];
  let groupBytes = 0;
  // Store batches run one after another, in arrival order, while the FETCH goes on.
  const flush = (): void => {
    const batch = group;
    group = [];
    groupBytes = 0;
    if (batch.length === 0) return;
    storing = storing.then(async () => {
      const messages = await Promise.all(batch.map(complete));
      const touched = storeBatch(ctx.db, messages, ctx.teamAddresses);
      budget.give(sizeOf(batch));
      done += batch.length;
      report(done);
      if (touched.length > 0) ctx.onThreadsChanged?.(touched);
    });
    storing.catch((error: unknown) => budget.fail(error)); // rethrown by the await below
  };
  try {
    for (const chunk of newestFirstChunks(uids, HEADER_BATCH, FIRST_BATCH)) {
      if (chunk.some((uid) => large.has(uid))) {
        flush();
        await storing; // in order: this batch's messages come after the ones before it
        await fetchHeaderBatch(client, ctx, folder, chunk, received);
        done += chunk.length;
        report(done);
        continue;
      }
      const query = { ...envelopeQuery(gmail), source: true };
      for await (const msg of client.fetch(toSequenceSet(chunk), query, { uid: true })) {
        received.add(msg.uid);
        const raw = msg.source ?? null;
        const bytes = raw?.length ?? 0;
        if (!budget.fits(bytes)) flush();
        await budget.take(bytes);
        const incoming = incomingFromEnvelope(ctx, folder, msg, gmail);
        group.push({
          incoming,
          lostBlock: lostText(incoming, msg) ? msg.headers : null,
          raw,
          body: raw ? pool.parseBody(raw) : null,
        });
        groupBytes += bytes;
        if (group.length >= STORE_COUNT || groupBytes >= STORE_BYTES) flush();
      }
      flush();
    }
    await storing;
  } finally {
    flush();
    await storing.catch(() => undefined);
    await pool.close();
  }
  return received;
}
