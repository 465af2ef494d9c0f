import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ImapFlow } from 'imapflow';
import type { Db } from '../../store/db';
import type { Folder } from '../../store/repos/folders';
import type { PendingBody } from '../../store/repos/messages';
import { referencedSourceFiles } from '../../store/repos/sourceFiles';
import { storeLargeBody } from '../../store/largeBodies';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../privateFiles';
import { SOURCES_DIR } from '../../paths';
import { parseStreamToShape } from '../mailShape.mjs';
import { toParsed } from '../parse';
import { TEXT_PART_LIMIT, textCutNote, withTextCut } from '../textLimit';
import type { ParsedMessage } from '../../../shared/types';
import { dropExpunged, type SyncContext } from './context';

/** Where large messages go, and from which size (as the server reports it) a message is large. */
export interface LargeMessages {
  dataDir: string;
  minBytes: number;
}

/**
 * From this size a message is streamed to a file instead of being held in memory: a few such
 * messages in flight still leave the sync far under its memory budget (README, "Measured").
 */
export const LARGE_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * Bytes asked for per partial FETCH: what the download holds in memory at a time. From loopback
 * Dovecot a 100 MB message took 1.0 s in 4 MB chunks and 3.0 s in 1 MB chunks (round trips).
 */
const DOWNLOAD_CHUNK = 4 * 1024 * 1024;

/** The note on a large message in which the parser found no text and no attachment. */
export const NOTHING_FOUND =
  'Promptly found no text and no attachments in this large message, so its structure could not be followed. Show original or Save as .eml has all of it.';

/** True when a message of `size` bytes takes the large-message path (never without a data folder). */
export function isLargeMessage(large: LargeMessages | undefined, size: number): boolean {
  return large !== undefined && size >= large.minBytes;
}

/** Splits pending bodies into the ones fetched whole in batches and the ones streamed to a file. */
export function splitBySize(
  pending: PendingBody[],
  large: LargeMessages | undefined,
): { small: PendingBody[]; large: PendingBody[] } {
  const split = { small: [] as PendingBody[], large: [] as PendingBody[] };
  for (const p of pending) (isLargeMessage(large, p.size) ? split.large : split.small).push(p);
  return split;
}

/** The original's path relative to the data folder (what the database keeps). */
function sourceFileName(messageRowId: number): string {
  return `${SOURCES_DIR}/${messageRowId}.eml`;
}

/** Streams the whole message (BODY.PEEK[] in partial fetches) into `path`; false when it is gone. */
async function downloadTo(client: ImapFlow, uid: number, path: string): Promise<boolean> {
  const { content } = await client.download(String(uid), undefined, { uid: true, chunkSize: DOWNLOAD_CHUNK });
  if (!content) return false;
  await pipeline(content, createWriteStream(path, { mode: PRIVATE_FILE_MODE }));
  // On disk before the database says so: a crash must not leave a message marked done without it.
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Parses a message from its file, its text cut to what Promptly shows (noted when it was);
 * never throws (an unreadable message is kept and marked).
 */
async function parseFile(path: string, fallbackDate: number): Promise<ParsedMessage | { error: string }> {
  try {
    const { stream, wasCut } = withTextCut(createReadStream(path));
    // The header phase already stored the Message-ID and threading headers; only the body
    // fields are kept from here, so toParsed gets no raw bytes to hash or re-read.
    const parsed = toParsed(await parseStreamToShape(stream), Buffer.alloc(0), fallbackDate);
    if (wasCut()) return { ...parsed, problem: textCutNote(TEXT_PART_LIMIT) };
    // Megabytes that parse to nothing are a structure the parser could not follow (a multipart
    // whose boundary never appears): say so rather than show an empty message.
    const empty = parsed.text === '' && parsed.html === null && parsed.attachments.length === 0;
    return empty ? { ...parsed, problem: NOTHING_FOUND } : parsed;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * One large message: downloaded to a temporary file, parsed from it, renamed to its final name,
 * then its body stored with a reference to the file. A dropped connection leaves at most the
 * temporary file (removed) and the message still pending. Returns what became of it.
 */
async function fetchLargeBody(
  client: ImapFlow,
  ctx: SyncContext,
  large: LargeMessages,
  folder: Folder,
  pending: PendingBody,
): Promise<{ threadId: number | null; failed: boolean }> {
  const file = sourceFileName(pending.id);
  const final = join(large.dataDir, file);
  const partial = `${final}.part`;
  ensurePrivateDir(join(large.dataDir, SOURCES_DIR));
  try {
    if (!(await downloadTo(client, pending.uid, partial))) {
      rmSync(partial, { force: true });
      // The server no longer has it (expunged meanwhile).
      dropExpunged(ctx, folder.id, [pending.uid]);
      return { threadId: null, failed: false };
    }
    const parsed = await parseFile(partial, pending.date);
    renameSync(partial, final);
    return { threadId: storeLargeBody(ctx.db, pending.id, file, parsed), failed: 'error' in parsed };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Fetches the bodies of large messages one at a time, each streamed to a private file in the
 * data folder and parsed from there, so memory stays flat whatever their size. BODY.PEEK
 * (imapflow's download) never sets \Seen (RFC 3501 §6.4.5).
 */
export async function fetchLargeBodies(
  client: ImapFlow,
  ctx: SyncContext,
  folder: Folder,
  pending: PendingBody[],
): Promise<{ done: number; failed: number }> {
  const large = ctx.largeMessages;
  if (!large || pending.length === 0) return { done: 0, failed: 0 };
  sweepSourceFiles(ctx.db, large.dataDir);
  let failed = 0;
  for (const p of pending) {
    const outcome = await fetchLargeBody(client, ctx, large, folder, p);
    if (outcome.failed) failed++;
    if (outcome.threadId !== null) (ctx.onBodiesStored ?? ctx.onThreadsChanged)?.([outcome.threadId]);
  }
  return { done: pending.length, failed };
}

/**
 * Removes originals no message refers to any more (expunged, or left by a sync cut short
 * between the file and the database), and temporary files of interrupted downloads.
 * Call it only while no large message is being fetched.
 */
export function sweepSourceFiles(db: Db, dataDir: string): void {
  const dir = join(dataDir, SOURCES_DIR);
  if (!existsSync(dir)) return;
  const kept = referencedSourceFiles(db);
  for (const name of readdirSync(dir)) {
    if (!kept.has(`${SOURCES_DIR}/${name}`)) rmSync(join(dir, name), { force: true });
  }
}
