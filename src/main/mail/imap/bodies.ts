import type { ImapFlow } from 'imapflow';
import type { Folder } from '../../store/repos/folders';
import { pendingBodies, type PendingBody } from '../../store/repos/messages';
import { storeBodies, type IncomingBody } from '../../store/ingest';
import { ParsePool, type BodyOutcome } from '../parsePool';
import { toSequenceSet } from './uidSet';
import { fetchLargeBodies, splitBySize } from './largeMessage';
import { dropExpunged, progressReporter, type SyncContext } from './context';

/** Messages per body FETCH, and a byte budget so a dropped link loses little work. */
const BODY_BATCH = 500;
const BODY_BATCH_BYTES = 1024 * 1024;

/** Splits pending bodies (newest first) into batches within the count and byte budgets. */
export function bodyBatches(pending: PendingBody[]): PendingBody[][] {
  const batches: PendingBody[][] = [];
  let current: PendingBody[] = [];
  let bytes = 0;
  for (const p of pending) {
    if (current.length > 0 && (current.length >= BODY_BATCH || bytes + p.size > BODY_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(p);
    bytes += p.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

interface Fetched {
  batch: PendingBody[];
  parsed: Promise<Array<{ id: number; raw: Buffer; outcome: BodyOutcome }>>;
  missing: number[];
}

async function fetchBatch(client: ImapFlow, batch: PendingBody[], pool: ParsePool): Promise<Fetched> {
  const byUid = new Map(batch.map((p) => [p.uid, p]));
  const jobs: Array<Promise<{ id: number; raw: Buffer; outcome: BodyOutcome }>> = [];
  for await (const msg of client.fetch(toSequenceSet([...byUid.keys()]), { uid: true, source: true }, { uid: true })) {
    const known = byUid.get(msg.uid);
    byUid.delete(msg.uid);
    if (!known || !msg.source) continue;
    const raw = msg.source;
    // Parsing starts at once on a worker while the next batch is fetched and this one waits to be stored.
    jobs.push(pool.parseBody(raw).then((outcome) => ({ id: known.id, raw, outcome })));
  }
  return { batch, parsed: Promise.all(jobs), missing: [...byUid.keys()] };
}

function store(
  ctx: SyncContext,
  folder: Folder,
  results: Array<{ id: number; raw: Buffer; outcome: BodyOutcome }>,
  missing: number[],
): { filled: number[]; failed: number } {
  const bodies: IncomingBody[] = results.map((r) => ({
    messageRowId: r.id,
    raw: r.raw,
    parsed: r.outcome.ok ? r.outcome.body : { error: r.outcome.error },
  }));
  // UIDs the server no longer returns were expunged meanwhile.
  dropExpunged(ctx, folder.id, missing);
  return {
    filled: storeBodies(ctx.db, bodies),
    failed: results.filter((r) => !r.outcome.ok).length,
  };
}

/**
 * Downloads and parses the bodies the header phase left pending, newest first, as a
 * pipeline: batch N+1 is fetched and parsed on workers while batch N is stored. BODY.PEEK
 * (imapflow's `source`) never sets \Seen (RFC 3501 §6.4.5). A message that cannot be
 * parsed is kept raw and marked; it never stops the sync.
 */
export async function fetchBodies(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  totalPending: number,
  /** Workers the caller already started (and closes itself). */
  workers?: ParsePool,
): Promise<{ done: number; failed: number }> {
  const report = progressReporter(ctx, `${folder.path} (bodies)`, totalPending);
  const pool = workers ?? new ParsePool();
  let done = 0;
  let failed = 0;
  try {
    const { small, large } = splitBySize(pendingBodies(ctx.db, folder.id, Number.MAX_SAFE_INTEGER), ctx.largeMessages);
    const batches = bodyBatches(small);
    let inFlight: Fetched | null = null;
    for (const batch of [...batches, null]) {
      const next = batch ? await fetchBatch(client, batch, pool) : null;
      if (inFlight) {
        const stored = store(ctx, folder, await inFlight.parsed, inFlight.missing);
        done += inFlight.batch.length;
        failed += stored.failed;
        report(done);
        if (stored.filled.length > 0) (ctx.onBodiesStored ?? ctx.onThreadsChanged)?.(stored.filled);
      }
      inFlight = next;
    }
    // Large messages last, one at a time, each streamed to a file (never held whole).
    const streamed = await fetchLargeBodies(client, ctx, folder, large);
    done += streamed.done;
    failed += streamed.failed;
    if (streamed.done > 0) report(done);
  } finally {
    if (!workers) await pool.close();
  }
  return { done, failed };
}
