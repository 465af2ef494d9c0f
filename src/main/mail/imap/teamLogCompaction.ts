/**
 * Keeping the team log folder small (docs/ARCHITECTURE.md, "Snapshots"): finding the newest
 * snapshot a new reader can start from, and expunging presence events a snapshot covers. Notes,
 * promises, ownership changes and every other team action stay in the folder for good.
 */
import type { ImapFlow } from 'imapflow';
import { parseTeamEvent, type TeamLogEntry } from '../../../shared/teamEvents';
import { TEAM_EVENT_HEADER } from '../../team/eventMessage';
import { teamLogEntryFromSource } from '../teamLogMessage';
import { adoptSnapshot } from '../../team/snapshot';
import type { TeamLogOutline } from '../../store/repos/teamLog';
import { toSequenceSet } from './uidSet';

/** Older snapshots tried when the newest cannot be used, before reading the whole log. */
const SNAPSHOTS_TRIED = 3;

/** A snapshot a new reader can start from: its entry, the last UID it covers, and the UIDs of
 *  the merges and splits it covers (still read: each replica applies them to its own threads). */
export interface StartingSnapshot {
  entry: TeamLogEntry;
  upTo: number;
  fixUids: number[];
}

/**
 * The newest snapshot in the selected log folder that was written for this UIDVALIDITY and
 * unpacks to a state matching its hash, or null (then the whole log is read). Found with
 * SEARCH HEADER (RFC 9051 §6.4.4), so nothing else is fetched.
 */
export async function newestSnapshot(client: ImapFlow, uidValidity: string): Promise<StartingSnapshot | null> {
  const found = await client.search({ header: { [TEAM_EVENT_HEADER]: 'type=snapshot' } }, { uid: true });
  const uids = (found || []).sort((a, b) => b - a).slice(0, SNAPSHOTS_TRIED);
  for (const uid of uids) {
    const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!message || !message.source) continue;
    const entry = await teamLogEntryFromSource(uid, message.source);
    const parsed = parseTeamEvent(entry.event);
    if (!parsed.ok || parsed.event.type !== 'snapshot' || parsed.event.payload.uidValidity !== uidValidity) continue;
    const adopted = adoptSnapshot(parsed.event, uid);
    if (!adopted.ok) continue;
    const { state } = adopted;
    const fixUids = state.threadFixes.flatMap((index) => state.log[index]?.uid ?? []);
    return { entry, upTo: parsed.event.payload.upTo, fixUids };
  }
  return null;
}

/**
 * Which stored entries the server no longer has, and whether that is only log upkeep (presence or
 * snapshots): those are simply forgotten, except the snapshot this replica started from, which
 * its own refold still needs.
 * Anything else missing means someone removed team actions, and the log is read again.
 */
export function vanishedEntries(
  stored: readonly TeamLogOutline[],
  onServer: ReadonlySet<number>,
  base: number | null,
): { forget: number[]; onlyUpkeep: boolean } {
  const gone = stored.filter((entry) => !onServer.has(entry.uid));
  const onlyUpkeep = gone.every((entry) => entry.type === 'presence' || entry.type === 'snapshot');
  return { forget: gone.filter((entry) => entry.uid !== base).map((entry) => entry.uid), onlyUpkeep };
}

/** Every UID in the selected folder (UID SEARCH ALL). */
export async function uidsOnServer(client: ImapFlow): Promise<Set<number>> {
  const found = await client.search({ all: true }, { uid: true });
  return new Set(found || []);
}

/** What a new snapshot covering `upTo` makes unnecessary: the presence it covers, and snapshots
 *  older than `previous` (the newest before it, kept for a reader that is just starting from it). */
export function coveredBy(stored: readonly TeamLogOutline[], upTo: number, previous: number): number[] {
  return stored
    .filter(
      (entry) =>
        (entry.type === 'presence' && entry.uid <= upTo) || (entry.type === 'snapshot' && entry.uid < previous),
    )
    .map((entry) => entry.uid);
}

/**
 * Expunges these UIDs from the log folder: UID EXPUNGE where the server has UIDPLUS (RFC 4315),
 * otherwise \Deleted and EXPUNGE (which also removes anything else marked \Deleted there; nothing
 * but Promptly writes to this folder). Returns false when the server refused.
 */
export async function expungeFromLog(client: ImapFlow, path: string, uids: readonly number[]): Promise<boolean> {
  if (uids.length === 0) return true;
  const lock = await client.getMailboxLock(path);
  try {
    return await client.messageDelete(toSequenceSet([...uids]), { uid: true });
  } finally {
    lock.release();
  }
}
