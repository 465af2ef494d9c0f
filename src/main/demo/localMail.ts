/**
 * The demo mailbox's folders exist only in the local store, so mail reaches them the way a sync
 * would have stored it from the server: parsed, given the folder's next UID, threaded.
 */
import type { Db } from '../store/db';
import { ensureFolder } from '../store/repos/folders';
import { folderMessagesById, highestUid, updateFlags } from '../store/repos/messages';
import { storeMessage } from '../store/ingest';
import { parseMessage } from '../mail/parse';

/** The two folders the demo has (as the generator fills them). */
export type DemoFolder = 'INBOX' | 'Sent';

const ROLES = { INBOX: 'inbox', Sent: 'sent' } as const;

/** Where one demo mailbox lives: its account and the shared address (the team in mail). */
export interface DemoBox {
  db: Db;
  accountId: number;
  address: string;
}

function folderId(box: DemoBox, folder: DemoFolder): number {
  return ensureFolder(box.db, box.accountId, folder, ROLES[folder]).id;
}

/** Whether the folder holds a message with this Message-ID. */
export function inDemoFolder(box: DemoBox, folder: DemoFolder, messageId: string): boolean {
  return folderMessagesById(box.db, folderId(box, folder), messageId).length > 0;
}

/**
 * Files a message into a folder as the server's next UID; returns its thread, or null when it
 * was already there (filing twice stores it once).
 */
export async function fileInDemoFolder(
  box: DemoBox,
  folder: DemoFolder,
  raw: Buffer,
  options: { flags: string[]; receivedAt: number; messageId: string },
): Promise<number | null> {
  if (inDemoFolder(box, folder, options.messageId)) return null;
  const parsed = await parseMessage(raw, options.receivedAt);
  const id = folderId(box, folder);
  // Parsing yields to the event loop: look again, so two filings of one message store it once.
  if (inDemoFolder(box, folder, options.messageId)) return null;
  return storeMessage(
    box.db,
    {
      accountId: box.accountId,
      folderId: id,
      uid: highestUid(box.db, id) + 1,
      flags: options.flags,
      raw,
      parsed: parsed.ok ? parsed.message : { error: parsed.error, date: options.receivedAt },
    },
    new Set([box.address.toLowerCase()]),
  );
}

/** Adds \Answered to the customer's message in INBOX; returns its thread, or null when not found. */
export function markDemoAnswered(box: DemoBox, messageId: string): number | null {
  const inbox = folderId(box, 'INBOX');
  let thread: number | null = null;
  for (const m of folderMessagesById(box.db, inbox, messageId)) {
    if (m.flags.includes('\\Answered')) continue;
    thread = updateFlags(box.db, inbox, m.uid, [...m.flags, '\\Answered'], null) ?? thread;
  }
  return thread;
}
