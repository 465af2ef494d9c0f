import type { ImapFlow } from 'imapflow';
import type { Folder } from '../../store/repos/folders';
import { deleteByUids, pendingBodies, type PendingBody } from '../../store/repos/messages';
import { refreshThreads, storeBodies, type IncomingBody } from '../../store/ingest';
import { parseMessage } from '../parse';
import { toSequenceSet } from './uidSet';
import { progressReporter, type SyncContext } from './context';

/** Messages per body FETCH, and a byte budget so a dropped link loses little work. */
const BODY_BATCH = 500;
const BODY_BATCH_BYTES = 2 * 1024 * 1024;

/** The newest pending messages that fit one batch's byte budget (at least one). */
function nextBatch(pending: PendingBody[]): PendingBody[] {
  let bytes = 0;
  const out: PendingBody[] = [];
  for (const p of pending) {
    if (out.length > 0 && bytes + p.size > BODY_BATCH_BYTES) break;
    out.push(p);
    bytes += p.size;
  }
  return out;
}

/**
 * Downloads and parses the bodies the header phase left pending, newest first. BODY.PEEK
 * (imapflow's `source`) never sets \Seen (RFC 3501 §6.4.5). A message that cannot be
 * parsed is kept raw and marked; it never stops the sync.
 */
export async function fetchBodies(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  totalPending: number,
): Promise<{ done: number; failed: number }> {
  const report = progressReporter(ctx, `${folder.path} (bodies)`, totalPending);
  let done = 0;
  let failed = 0;
  for (;;) {
    const pending = nextBatch(pendingBodies(ctx.db, folder.id, BODY_BATCH));
    if (pending.length === 0) break;
    const byUid = new Map(pending.map((p) => [p.uid, p]));
    const sources: Array<{ id: number; raw: Buffer; date: number }> = [];
    for await (const msg of client.fetch(
      toSequenceSet([...byUid.keys()]),
      { uid: true, source: true },
      { uid: true },
    )) {
      const known = byUid.get(msg.uid);
      if (known && msg.source) sources.push({ id: known.id, raw: msg.source, date: known.date });
      byUid.delete(msg.uid);
    }
    const bodies: IncomingBody[] = [];
    for (const s of sources) {
      const parsed = await parseMessage(s.raw, s.date);
      if (!parsed.ok) failed += 1;
      bodies.push({ messageRowId: s.id, raw: s.raw, parsed: parsed.ok ? parsed.message : { error: parsed.error } });
    }
    // UIDs the server no longer returns were expunged meanwhile: drop them like an expunge.
    const gone = ctx.db.transaction(() => {
      const threads = deleteByUids(ctx.db, folder.id, [...byUid.keys()]);
      refreshThreads(ctx.db, threads, ctx.teamAddresses);
      return threads;
    })();
    const touched = [...storeBodies(ctx.db, bodies, ctx.teamAddresses), ...gone];
    done += pending.length;
    report(done);
    if (touched.length > 0) ctx.onThreadsChanged?.(touched);
  }
  return { done, failed };
}
