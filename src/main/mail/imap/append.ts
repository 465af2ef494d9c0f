/**
 * APPEND the way every server accepts it: the message in canonical CRLF form (RFC 5322
 * §2.3; Cyrus refuses bare newlines), and its UID from APPENDUID (RFC 4315) or, on a
 * server without UIDPLUS, by searching for its Message-ID.
 */
import type { ImapFlow } from 'imapflow';
import { refusal } from './serverError';

/**
 * Rewrites every line ending as CRLF: a lone LF or a lone CR becomes CRLF, an existing
 * CRLF stays as it is. Works on bytes, so 8-bit content is untouched.
 */
export function toCanonicalCrlf(raw: Buffer): Buffer {
  const CR = 13;
  const LF = 10;
  let extra = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === LF && raw[i - 1] !== CR) extra += 1;
    else if (raw[i] === CR && raw[i + 1] !== LF) extra += 1;
  }
  if (extra === 0) return raw;
  const out = Buffer.alloc(raw.length + extra);
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i] as number;
    if (byte === LF && raw[i - 1] !== CR) out[j++] = CR;
    out[j++] = byte;
    if (byte === CR && raw[i + 1] !== LF) out[j++] = LF;
  }
  return out;
}

/** Where an appended message landed; `uid` is null when the server could not say. */
export interface Appended {
  uid: number | null;
}

/**
 * Appends `raw` (made canonical CRLF) to `path`. Without APPENDUID the UID is found by
 * SEARCH HEADER Message-ID (RFC 3501 §6.4.4). A refusal carries the server's words;
 * `what` names the message for that sentence ("the team action", "the copy of your reply").
 */
export async function appendMessage(
  client: ImapFlow,
  m: { path: string; folderName: string; raw: Buffer; messageId: string; flags: string[]; date?: Date; what: string },
): Promise<Appended> {
  // Courier refuses APPEND into the mailbox this session has selected read-only
  // ("Current box is selected READ-ONLY"); leave it first.
  if (client.mailbox && client.mailbox.path === m.path && client.mailbox.readOnly) await client.mailboxClose();
  let result;
  try {
    result = await client.append(m.path, toCanonicalCrlf(m.raw), m.flags, m.date);
  } catch (error) {
    throw refusal(client, error, `store ${m.what} in '${m.folderName}'`);
  }
  if (result && typeof result.uid === 'number') return { uid: result.uid };
  return { uid: await uidByMessageId(client, m.path, m.messageId) };
}

/** The highest UID in `path` whose Message-ID is `messageId` (with or without angle brackets). */
export async function uidByMessageId(client: ImapFlow, path: string, messageId: string): Promise<number | null> {
  const id = messageId.startsWith('<') ? messageId : `<${messageId}>`;
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const found = await client.search({ header: { 'message-id': id } }, { uid: true });
    return found && found.length > 0 ? Math.max(...found) : null;
  } finally {
    lock.release();
  }
}
