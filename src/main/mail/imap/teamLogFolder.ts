import type { ImapFlow } from 'imapflow';
import type { Db } from '../../store/db';
import { ensureFolder, saveFolderState } from '../../store/repos/folders';
import { clearTeamLog, countTeamLog, saveTeamLogEntries } from '../../store/repos/teamLog';
import { listPendingTeamEvents, markPendingTeamEvent, type PendingTeamEvent } from '../../store/repos/teamPending';
import { teamLogEntryFromMessage } from '../../team/decodeMessage';
import { teamEventMessageId } from '../../team/eventMessage';
import type { TeamLogEntry } from '../../../shared/teamEvents';

/** The IMAP folder every teammate's Promptly appends its actions to. */
export const TEAM_LOG_FOLDER = 'Promptly Team Log';

/** What one pass over the log folder found. */
export interface TeamLogSync {
  /** New entries in UID order, to apply to the state. */
  entries: TeamLogEntry[];
  /** True when the stored log was thrown away (UIDVALIDITY change or expunges): refold. */
  reset: boolean;
}

/** Creates the log folder if it is missing (another client may have done it first). */
export async function ensureTeamLogFolder(client: ImapFlow): Promise<void> {
  const list = await client.list();
  if (list.some((f) => f.path === TEAM_LOG_FOLDER)) return;
  await client.mailboxCreate(TEAM_LOG_FOLDER).catch((error: unknown) => {
    if (!/ALREADYEXISTS|already exists/i.test(String((error as { responseText?: string }).responseText ?? error)))
      throw error;
  });
}

/**
 * Fetches the log entries added since the last pass. UIDs only grow (RFC 3501 §2.3.1.1),
 * so the folder's UID order is the one total order every replica folds. A UIDVALIDITY
 * change or a vanished entry throws the local copy away and refolds from the server.
 */
export async function syncTeamLog(client: ImapFlow, db: Db, accountId: number, now: number): Promise<TeamLogSync> {
  let folder = ensureFolder(db, accountId, TEAM_LOG_FOLDER, 'team-log');
  const lock = await client.getMailboxLock(TEAM_LOG_FOLDER, { readOnly: true });
  try {
    const box = client.mailbox;
    if (box === false) throw new Error('Could not open the team log folder.');
    const uidvalidity = String(box.uidValidity);
    const stored = countTeamLog(db, accountId);
    const lastUid = (folder.uidnext ?? 1) - 1;
    const vanished = folder.uidvalidity === uidvalidity && box.exists < stored;
    let reset = false;
    if ((folder.uidvalidity !== null && folder.uidvalidity !== uidvalidity) || vanished) {
      db.transaction(() => clearTeamLog(db, accountId))();
      folder = { ...folder, uidnext: null };
      reset = true;
    }
    const from = reset ? 1 : lastUid + 1;
    const entries: TeamLogEntry[] = [];
    if (box.uidNext > from && box.exists > 0) {
      for await (const msg of client.fetch(`${from}:*`, { uid: true, source: true }, { uid: true })) {
        if (msg.uid >= from && msg.source) entries.push(teamLogEntryFromMessage(msg.uid, msg.source));
      }
    }
    entries.sort((a, b) => a.uid - b.uid);
    db.transaction(() => {
      saveTeamLogEntries(db, accountId, entries);
      saveFolderState(db, folder.id, {
        uidvalidity,
        uidnext: box.uidNext,
        highestmodseq: null,
        at: now,
        serverCount: box.exists,
      });
    })();
    return { entries, reset };
  } finally {
    lock.release();
  }
}

async function alreadyAppended(client: ImapFlow, pending: PendingTeamEvent): Promise<number | null> {
  const lock = await client.getMailboxLock(TEAM_LOG_FOLDER, { readOnly: true });
  try {
    const found = await client.search({ header: { 'message-id': teamEventMessageId(pending.id) } }, { uid: true });
    return found && found.length > 0 ? (found[0] ?? null) : null;
  } finally {
    lock.release();
  }
}

/**
 * Appends queued actions one at a time, in the order they were taken (a handoff offer
 * must not land before its claim). An action that was being appended when the app stopped
 * is looked up by Message-ID first, so it is never appended twice.
 */
export async function flushPendingTeamEvents(client: ImapFlow, db: Db, accountId: number): Promise<number> {
  let appended = 0;
  for (const pending of listPendingTeamEvents(db, accountId)) {
    if (pending.state === 'appended') continue;
    if (pending.state === 'appending') {
      const uid = await alreadyAppended(client, pending);
      if (uid !== null) {
        markPendingTeamEvent(db, pending.id, 'appended', uid, null);
        continue;
      }
    }
    markPendingTeamEvent(db, pending.id, 'appending', null, null);
    try {
      const result = await client.append(TEAM_LOG_FOLDER, pending.raw, ['\\Seen']);
      const uid =
        result && typeof result === 'object' && 'uid' in result && typeof result.uid === 'number' ? result.uid : null;
      markPendingTeamEvent(db, pending.id, 'appended', uid, null);
      appended += 1;
    } catch (error) {
      markPendingTeamEvent(db, pending.id, 'queued', null, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  return appended;
}
