import type { ImapFlow } from 'imapflow';
import type { Folder } from '../../store/repos/folders';
import { storeBatch, type IncomingMessage } from '../../store/ingest';
import { envelopeLostText, messageFromEnvelope, withHeaderText } from '../envelope';
import { DISPLAY_HEADER_FIELDS, parseHeaderBlock, SYNC_HEADER_FIELDS } from './headerBlock';
import { newestFirstChunks, persistentFlags, toSequenceSet } from './uidSet';
import { progressReporter, type SyncContext } from './context';
import type { ParsedMessage } from '../../../shared/types';

/** UIDs per header FETCH: about 1,000 per command is where loopback throughput levels off. */
const HEADER_BATCH = 1000;
/** The first batch is small: the newest conversations show after one short round trip. */
const FIRST_BATCH = 250;

/** The header fields kept with a message: all fetched but the display fields. */
function withoutDisplayFields(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !DISPLAY_HEADER_FIELDS.includes(name)));
}

/**
 * Fetches envelopes and threading headers for `uids`, newest first, committing each batch
 * (messages, threads, summaries) in one transaction so the list fills while it runs and a
 * dropped connection loses at most the batch in flight. Bodies follow in the body phase.
 * Returns the UIDs the server answered with (it may leave out some that were asked for).
 */
export async function fetchHeaders(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  uids: number[],
): Promise<Set<number>> {
  const gmail = client.capabilities.has('X-GM-EXT-1');
  const report = progressReporter(ctx, folder.path, uids.length);
  let done = 0;
  const received = new Set<number>();
  for (const chunk of newestFirstChunks(uids, HEADER_BATCH, FIRST_BATCH)) {
    const batch: IncomingMessage[] = [];
    const lostText: Array<{ incoming: IncomingMessage; message: ParsedMessage; block: Buffer }> = [];
    // No other command may run inside this loop (imapflow would deadlock), so collect first.
    for await (const msg of client.fetch(
      toSequenceSet(chunk),
      {
        uid: true,
        flags: true,
        envelope: true,
        internalDate: true,
        size: true,
        headers: SYNC_HEADER_FIELDS,
        threadId: gmail,
      },
      { uid: true },
    )) {
      received.add(msg.uid);
      const internalDate = msg.internalDate ? new Date(msg.internalDate).getTime() : ctx.now();
      const headers = msg.headers ? parseHeaderBlock(msg.headers) : {};
      const parsed = messageFromEnvelope(msg.envelope, headers, msg.size ?? 0, internalDate);
      const incoming: IncomingMessage = {
        accountId: ctx.accountId,
        folderId: folder.id,
        uid: msg.uid,
        flags: persistentFlags(msg.flags),
        raw: null,
        parsed,
        bodyState: 'pending',
        modseq: msg.modseq !== undefined ? String(msg.modseq) : null,
        size: msg.size ?? 0,
        gmThrid: gmail ? (msg.threadId ?? null) : null,
        headers: withoutDisplayFields(headers),
      };
      batch.push(incoming);
      if (msg.headers && envelopeLostText(parsed, msg.headers)) {
        lostText.push({ incoming, message: parsed, block: msg.headers });
      }
    }
    // Rare: 8-bit header fields that are not UTF-8. Read after the FETCH, which must run alone.
    for (const { incoming, message, block } of lostText) incoming.parsed = await withHeaderText(message, block);
    const touched = storeBatch(ctx.db, batch, ctx.teamAddresses);
    done += chunk.length;
    report(done);
    if (touched.length > 0) ctx.onThreadsChanged?.(touched);
  }
  return received;
}
