import { randomUUID } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import type { Db } from '../store/db';
import { listFolders } from '../store/repos/folders';
import { deleteTeamLogEntries, getTeamLogBase, teamLogOutline } from '../store/repos/teamLog';
import { appendMessage } from '../mail/imap/append';
import { coveredBy, expungeFromLog } from '../mail/imap/teamLogCompaction';
import {
  ensureTeamLogFolder,
  flushPendingTeamEvents,
  syncTeamLog,
  TEAM_LOG_FOLDER,
  teamLogPath,
} from '../mail/imap/teamLogFolder';
import { draftTeamEvent, type TeamEventDraft } from '../team/draft';
import { encodeTeamEventMessage, teamEventMessageId } from '../team/eventMessage';
import { snapshotDue, snapshotPayload } from '../team/snapshot';
import type { TeamEngine } from './team';

/** What one pass over the team log needs. */
export interface TeamLogPassInput {
  client: ImapFlow;
  db: Db;
  accountId: number;
  team: TeamEngine;
  now: () => number;
  /** Write a snapshot once this many log messages followed the newest one (team/snapshot.ts). */
  snapshotEvery?: number;
}

/**
 * The team log's part of a sync pass: my queued actions and presence out, everyone's events
 * in, then a snapshot when one is due (which lets the presence it covers be expunged).
 */
export async function teamLogPass(input: TeamLogPassInput): Promise<void> {
  const { client, db, accountId, team, now } = input;
  await ensureTeamLogFolder(client);
  await team.dropKnownProfiles(() => syncTeamLog(client, db, accountId, now()));
  await flushPendingTeamEvents(client, db, accountId);
  await team.presence.flush(client);
  team.applyLog(await syncTeamLog(client, db, accountId, now()));
  await writeSnapshotIfDue(input);
}

/** The snapshot and expunge step; a server that refuses either leaves the log as it was. */
async function writeSnapshotIfDue(input: TeamLogPassInput): Promise<void> {
  const { client, db, accountId, team, now } = input;
  const me = team.identity();
  const outline = teamLogOutline(db, accountId);
  const newestSnapshot =
    outline.findLast((entry) => entry.type === 'snapshot')?.uid ?? getTeamLogBase(db, accountId) ?? 0;
  const since = outline.filter((entry) => entry.uid > newestSnapshot);
  const due = snapshotDue({
    messagesSinceSnapshot: since.length,
    newestAuthor: since.at(-1)?.actor ?? null,
    me: me?.address ?? null,
    every: input.snapshotEvery,
  });
  const uidValidity = listFolders(db, accountId).find((f) => f.role === 'team-log')?.uidvalidity ?? null;
  if (!due || !me || uidValidity === null) return;
  const state = team.folded();
  const action = { type: 'snapshot', thread: null, known: [], payload: snapshotPayload(state, uidValidity) };
  const event = draftTeamEvent(state, action as TeamEventDraft, { actor: me.address, id: randomUUID(), at: now() });
  await appendMessage(client, {
    path: teamLogPath(client),
    folderName: TEAM_LOG_FOLDER,
    raw: encodeTeamEventMessage(event, { actorName: me.name }),
    messageId: teamEventMessageId(event.id),
    flags: ['\\Seen'],
    what: "the team's snapshot",
  });
  const covered = coveredBy(outline, state.lastUid, newestSnapshot);
  // The snapshot this replica started from stays in its own store: its refold starts there.
  const base = getTeamLogBase(db, accountId);
  if (await expungeFromLog(client, teamLogPath(client), covered))
    deleteTeamLogEntries(
      db,
      accountId,
      covered.filter((uid) => uid !== base),
    );
}
