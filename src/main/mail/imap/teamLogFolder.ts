import type { ImapFlow } from 'imapflow';
import type { Db } from '../../store/db';
import { ensureFolder, saveFolderState } from '../../store/repos/folders';
import {
  clearTeamLog,
  countTeamLog,
  deleteTeamLogEntries,
  getTeamLogBase,
  saveTeamLogEntries,
  setTeamLogBase,
  teamLogOutline,
} from '../../store/repos/teamLog';
import { listPendingTeamEvents, markPendingTeamEvent, type PendingTeamEvent } from '../../store/repos/teamPending';
import { teamEventMessageId } from '../../team/eventMessage';
import type { TeamLogEntry } from '../../../shared/teamEvents';
import { teamLogEntryFromSource } from '../teamLogMessage';
import { appendMessage, uidByMessageId } from './append';
import { toSequenceSet } from './uidSet';
import { selectedState } from './mailboxState';
import { ensurePersonalFolder, personalNamespace, personalPath } from './mailboxes';
import { newestSnapshot, uidsOnServer, vanishedEntries } from './teamLogCompaction';

/**
 * The IMAP folder every teammate's Promptly appends its actions to, by its name in the
 * personal namespace: on a server with a prefix it is `INBOX.Promptly Team Log`.
 */
export const TEAM_LOG_FOLDER = 'Promptly Team Log';

/** The log folder's full path on this connection's server (RFC 2342 personal namespace). */
export function teamLogPath(client: Pick<ImapFlow, 'namespace'>): string {
  return personalPath(personalNamespace(client), TEAM_LOG_FOLDER);
}

/** What one pass over the log folder found. */
export interface TeamLogSync {
  /** New entries in UID order, to apply to the state. */
  entries: TeamLogEntry[];
  /** True when the stored log was thrown away (UIDVALIDITY change or expunges): refold. */
  reset: boolean;
}

/**
 * Creates the log folder if LIST does not show it (another client may create it at the same
 * moment; that is fine). Returns its path on the server.
 */
export async function ensureTeamLogFolder(client: ImapFlow): Promise<string> {
  return ensurePersonalFolder(client, TEAM_LOG_FOLDER);
}

/**
 * Fetches the log entries added since the last pass. UIDs only grow (RFC 3501 §2.3.1.1),
 * so the folder's UID order is the one total order every replica folds. A first read (or a
 * read again) starts from the newest usable snapshot and fetches only what follows it. Expunged
 * presence is forgotten quietly; a UIDVALIDITY change or a vanished team action throws the local
 * copy away and reads the log again.
 */
export async function syncTeamLog(client: ImapFlow, db: Db, accountId: number, now: number): Promise<TeamLogSync> {
  const path = teamLogPath(client);
  const folder = ensureFolder(db, accountId, path, 'team-log');
  // Still selected from earlier in this session, the folder's UIDNEXT is what SELECT said
  // then; appends since have moved it. A fresh SELECT reads it again.
  if (client.mailbox && client.mailbox.path === path) await client.mailboxClose();
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const box = await selectedState(client, path);
    const sameFolder = folder.uidvalidity === box.uidValidity;
    let reset = folder.uidvalidity !== null && !sameFolder;
    let forget: number[] = [];
    if (sameFolder && box.exists < countTeamLog(db, accountId)) {
      const vanished = vanishedEntries(
        teamLogOutline(db, accountId),
        await uidsOnServer(client),
        getTeamLogBase(db, accountId),
      );
      if (vanished.onlyUpkeep) forget = vanished.forget;
      else reset = true;
    }
    let from = reset || folder.uidnext === null ? 1 : folder.uidnext;
    const sources: Array<{ uid: number; source: Buffer }> = [];
    const entries: TeamLogEntry[] = [];
    let base: number | null = null;
    if (from === 1 && box.exists > 0) {
      const start = await newestSnapshot(client, box.uidValidity);
      if (start) {
        entries.push(start.entry);
        base = start.entry.uid;
        from = start.upTo + 1;
        reset = true; // the engine refolds from the snapshot
        if (start.fixUids.length > 0)
          for await (const msg of client.fetch(
            toSequenceSet(start.fixUids),
            { uid: true, source: true },
            { uid: true },
          ))
            if (msg.source) sources.push({ uid: msg.uid, source: msg.source });
      }
    }
    if (box.uidNext > from && box.exists > 0) {
      for await (const msg of client.fetch(`${from}:*`, { uid: true, source: true }, { uid: true })) {
        if (msg.uid >= from && msg.uid !== base && msg.source) sources.push({ uid: msg.uid, source: msg.source });
      }
    }
    for (const { uid, source } of sources) entries.push(await teamLogEntryFromSource(uid, source));
    entries.sort((a, b) => a.uid - b.uid);
    // Without UIDNEXT from the server, the last entry fetched bounds it from below.
    const uidNext = Math.max(box.uidNext, (entries.at(-1)?.uid ?? 0) + 1);
    db.transaction(() => {
      if (reset) clearTeamLog(db, accountId);
      if (base !== null) setTeamLogBase(db, accountId, base);
      deleteTeamLogEntries(db, accountId, forget);
      saveTeamLogEntries(db, accountId, entries);
      saveFolderState(db, folder.id, {
        uidvalidity: box.uidValidity,
        uidnext: uidNext,
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
  return uidByMessageId(client, teamLogPath(client), teamEventMessageId(pending.id));
}

/**
 * Appends queued actions one at a time, in the order they were taken (a handoff offer
 * must not land before its claim). An action that was being appended when the app stopped
 * is looked up by Message-ID first, so it is never appended twice.
 */
export async function flushPendingTeamEvents(client: ImapFlow, db: Db, accountId: number): Promise<number> {
  let appended = 0;
  const path = teamLogPath(client);
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
      const { uid } = await appendMessage(client, {
        path,
        folderName: TEAM_LOG_FOLDER,
        raw: pending.raw,
        messageId: teamEventMessageId(pending.id),
        flags: ['\\Seen'],
        what: 'the team action',
      });
      markPendingTeamEvent(db, pending.id, 'appended', uid, null);
      appended += 1;
    } catch (error) {
      markPendingTeamEvent(db, pending.id, 'queued', null, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  return appended;
}
