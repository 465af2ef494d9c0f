/**
 * The state of the selected mailbox, read defensively. RFC 3501 §6.3.1 asks SELECT for
 * UIDNEXT and UIDVALIDITY, but servers omit them (Courier sends no UIDNEXT); STATUS
 * (§6.3.10) answers both, and failing that the last message's UID bounds UIDNEXT.
 */
import type { ImapFlow } from 'imapflow';

/** What a sync needs to know about the selected mailbox. */
export interface MailboxState {
  uidValidity: string;
  uidNext: number;
  exists: number;
  /** RFC 7162 HIGHESTMODSEQ, or null when the server gave none (or said NOMODSEQ). */
  highestModseq: bigint | null;
}

/** Reads the selected mailbox's state, asking STATUS for what SELECT left out. */
export async function selectedState(client: ImapFlow, path: string): Promise<MailboxState> {
  const box = client.mailbox;
  if (box === false) throw new Error(`The folder '${path}' could not be opened.`);
  // imapflow types these as always present; servers do not always send them.
  let uidValidity = box.uidValidity as bigint | undefined;
  let uidNext = box.uidNext as number | undefined;
  if (uidNext === undefined || uidValidity === undefined) {
    const status = await client.status(path, { uidNext: true, uidValidity: true }).catch(() => false as const);
    if (status) {
      uidNext ??= status.uidNext;
      uidValidity ??= status.uidValidity;
    }
  }
  const next = uidNext ?? (await lastUid(client, box.exists)) + 1;
  return {
    uidValidity: uidValidity !== undefined ? String(uidValidity) : '0',
    uidNext: next,
    exists: box.exists,
    highestModseq: box.highestModseq !== undefined && !box.noModseq ? box.highestModseq : null,
  };
}

/** The UID of the last message (0 when empty): a lower bound for UIDNEXT. */
async function lastUid(client: ImapFlow, exists: number): Promise<number> {
  if (exists === 0) return 0;
  const found = await client.fetchOne('*', { uid: true });
  return found ? found.uid : 0;
}
