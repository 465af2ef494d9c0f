/**
 * After a reply left: a copy in Sent (unless the provider files it itself, like Gmail) and
 * \Answered on the customer's message, so other mail clients see both. Also answers the
 * crash-recovery question "is this Message-ID already in Sent?".
 */
import type { ImapFlow } from 'imapflow';
import { connectImap, type ImapSettings } from '../mail/imap/connect';
import { chooseFolders } from '../mail/imap/folders';
import { appendMessage } from '../mail/imap/append';
import { ensurePersonalFolder } from '../mail/imap/mailboxes';
import { refusal } from '../mail/imap/serverError';

/** Where sent mail lives on this server. */
export interface SentPlace {
  /** The folder to search for sent replies (Sent, or Gmail's All Mail). */
  searchIn: string[];
  /** Where to APPEND a copy, or null when the server files sent mail itself (Gmail). */
  appendTo: string | null;
}

/** True for Gmail, which stores submitted mail in Sent by itself (and answers X-GM-EXT-1). */
export function filesSentMailItself(host: string, capabilities: ReadonlyMap<string, unknown>): boolean {
  return /(^|\.)(gmail|googlemail)\.com$/i.test(host) || capabilities.has('X-GM-EXT-1');
}

/**
 * Finds the Sent folder (special-use first, then the usual names), or where there is none
 * creates "Sent" in the personal namespace (`INBOX.Sent` on Cyrus and Courier).
 */
export async function sentPlace(client: ImapFlow, host: string): Promise<SentPlace> {
  const list = await client.list();
  const folders = chooseFolders(list);
  const gmail = filesSentMailItself(host, client.capabilities);
  const sent = folders.find((f) => f.role === 'sent' || f.role === 'all');
  if (gmail) return { searchIn: sent ? [sent.path] : [], appendTo: null };
  if (sent) return { searchIn: [sent.path], appendTo: sent.path };
  const path = await ensurePersonalFolder(client, 'Sent', list);
  return { searchIn: [path], appendTo: path };
}

/** UIDs of messages in `folder` whose Message-ID header is `messageId` (SEARCH HEADER, RFC 3501 §6.4.4). */
export async function findByMessageId(client: ImapFlow, folder: string, messageId: string): Promise<number[]> {
  const lock = await client.getMailboxLock(folder);
  try {
    const found = await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true });
    return found || [];
  } finally {
    lock.release();
  }
}

async function inAny(client: ImapFlow, folders: string[], messageId: string): Promise<boolean> {
  for (const folder of folders) {
    if ((await findByMessageId(client, folder, messageId)).length > 0) return true;
  }
  return false;
}

/** What filing did. */
export interface Filed {
  appended: boolean;
  answered: boolean;
}

/**
 * Files a sent reply: APPEND to Sent (\Seen) unless a copy is already there (searched first,
 * so a retry never files twice) or the provider does it, then \Answered on the customer's
 * message in INBOX, found by Message-ID. Never touches \Seen on the customer's message.
 */
export async function fileReply(
  settings: ImapSettings,
  reply: { raw: Buffer; messageId: string; parentMessageId: string | null; date: number },
): Promise<Filed> {
  const client = await connectImap(settings);
  try {
    const place = await sentPlace(client, settings.host);
    let appended = false;
    if (place.appendTo && !(await inAny(client, place.searchIn, reply.messageId))) {
      await appendMessage(client, {
        path: place.appendTo,
        folderName: place.appendTo,
        raw: reply.raw,
        messageId: reply.messageId,
        flags: ['\\Seen'],
        date: new Date(reply.date),
        what: 'the copy of your reply',
      });
      appended = true;
    }
    const answered = reply.parentMessageId ? await markAnswered(client, reply.parentMessageId) : false;
    return { appended, answered };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function markAnswered(client: ImapFlow, messageId: string): Promise<boolean> {
  const uids = await findByMessageId(client, 'INBOX', messageId);
  if (uids.length === 0) return false;
  const lock = await client.getMailboxLock('INBOX');
  try {
    await client.messageFlagsAdd(uids, ['\\Answered'], { uid: true }).catch((error: unknown) => {
      throw refusal(client, error, "mark the customer's message as answered");
    });
    return true;
  } finally {
    lock.release();
  }
}

/** Whether a reply with this Message-ID is in Sent (or Gmail's All Mail): the crash-recovery check. */
export async function foundInSent(settings: ImapSettings, messageId: string): Promise<boolean> {
  const client = await connectImap(settings);
  try {
    const place = await sentPlace(client, settings.host);
    return await inAny(client, place.searchIn, messageId);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
