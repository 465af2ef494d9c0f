import type { FetchMessageObject, FetchQueryObject, ImapFlow } from 'imapflow';
import type { Folder } from '../../store/repos/folders';
import { storeBatch, type IncomingMessage } from '../../store/ingest';
import { envelopeLostText, messageFromEnvelope, withHeaderText } from '../envelope';
import { DISPLAY_HEADER_FIELDS, parseHeaderBlock, SYNC_HEADER_FIELDS } from './headerBlock';
import { newestFirstChunks, persistentFlags, toSequenceSet } from './uidSet';
import { commitTouching, progressReporter, type SyncContext } from './context';
import type { ParsedMessage } from '../../../shared/types';

/** UIDs per header FETCH: about 1,000 per command is where loopback throughput levels off. */
export const HEADER_BATCH = 1000;
/** The first batch is small: the newest conversations show after one short round trip. */
export const FIRST_BATCH = 250;

/** The header fields kept with a message: all fetched but the display fields. */
function withoutDisplayFields(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !DISPLAY_HEADER_FIELDS.includes(name)));
}

/** What the header phase (and the first sync) fetch besides UID, for the envelope's message. */
export function envelopeQuery(gmail: boolean): FetchQueryObject {
  return {
    uid: true,
    flags: true,
    envelope: true,
    internalDate: true,
    size: true,
    headers: SYNC_HEADER_FIELDS,
    threadId: gmail,
  };
}

/** A message as its envelope and header fields give it. */
export type EnvelopeMessage = IncomingMessage & { parsed: ParsedMessage };

/** A message as its envelope and header fields give it, waiting for its body ('pending'). */
export function incomingFromEnvelope(
  ctx: SyncContext,
  folder: Folder,
  msg: FetchMessageObject,
  gmail: boolean,
): EnvelopeMessage {
  const internalDate = msg.internalDate ? new Date(msg.internalDate).getTime() : ctx.now();
  const headers = msg.headers ? parseHeaderBlock(msg.headers) : {};
  return {
    accountId: ctx.accountId,
    folderId: folder.id,
    uid: msg.uid,
    flags: persistentFlags(msg.flags),
    raw: null,
    parsed: messageFromEnvelope(msg.envelope, headers, msg.size ?? 0, internalDate),
    bodyState: 'pending',
    modseq: msg.modseq !== undefined ? String(msg.modseq) : null,
    size: msg.size ?? 0,
    gmThrid: gmail ? (msg.threadId ?? null) : null,
    headers: withoutDisplayFields(headers),
  };
}

/** Rare: 8-bit header fields that are not UTF-8, which the envelope lost (read again by withHeaderText). */
export function lostText(
  incoming: EnvelopeMessage,
  msg: FetchMessageObject,
): msg is FetchMessageObject & { headers: Buffer } {
  return msg.headers !== undefined && envelopeLostText(incoming.parsed, msg.headers);
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
  const report = progressReporter(ctx, folder.path, uids.length);
  let done = 0;
  const received = new Set<number>();
  for (const chunk of newestFirstChunks(uids, HEADER_BATCH, FIRST_BATCH)) {
    await fetchHeaderBatch(client, ctx, folder, chunk, received);
    done += chunk.length;
    report(done);
  }
  return received;
}

/** One batch of the header phase: fetched, then stored in one transaction (adds to `received`). */
export async function fetchHeaderBatch(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  uids: number[],
  received: Set<number>,
): Promise<void> {
  const gmail = client.capabilities.has('X-GM-EXT-1');
  const batch: IncomingMessage[] = [];
  const lost: Array<{ incoming: EnvelopeMessage; block: Buffer }> = [];
  // No other command may run inside this loop (imapflow would deadlock), so collect first.
  for await (const msg of client.fetch(toSequenceSet(uids), envelopeQuery(gmail), { uid: true })) {
    received.add(msg.uid);
    const incoming = incomingFromEnvelope(ctx, folder, msg, gmail);
    batch.push(incoming);
    if (lostText(incoming, msg)) lost.push({ incoming, block: msg.headers });
  }
  // Rare: 8-bit header fields that are not UTF-8. Read after the FETCH, which must run alone.
  for (const { incoming, block } of lost) incoming.parsed = await withHeaderText(incoming.parsed, block);
  commitTouching(ctx, () => storeBatch(ctx.db, batch, ctx.teamAddresses));
}
