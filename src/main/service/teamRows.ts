/**
 * What list rows and the thread pane read of the team state: each local thread's team row
 * (the fold plus my pending actions on top), the team part of a list row, and a thread's
 * notes and activity. The team engine (service/team.ts) passes its state in.
 */
import type { ActivityEntry, NoteView, ReplyingView, ThreadTeamView } from '../../shared/team';
import { statusChangedAt } from '../team/history';
import { mergedNoteCount, mergedPromises } from '../team/merge';
import type { TeamState, TeamThread } from '../team/state';
import type { Db } from '../store/db';
import { messageSubject } from '../store/repos/messageThreads';
import { listPendingTeamEvents } from '../store/repos/teamPending';
import { getThreadTeam, saveThreadTeam, type ThreadTeamRow } from '../store/repos/threadTeam';
import { getThread } from '../store/repos/threads';
import { threadDetail } from './teamDetail';
import { overlayPending } from './teamOverlay';
import type { NameOf } from './teamWords';
import { followMerges } from './threadMerge';

/** The team engine's state and lookups, as the readers here need them. */
export interface TeamReadContext {
  db: Db;
  accountId: number;
  state: TeamState;
  now: () => number;
  nameOf: NameOf;
  /** The team thread a local thread corresponds to, its key, and the Message-IDs it knows. */
  teamThreadOf(threadId: number): { thread: TeamThread | null; key: string; known: string[] };
  /** Teammates replying now to the conversation known by these keys. */
  replying(keys: readonly string[]): ReplyingView[];
}

/** Rewrites the team rows of local threads (after sync batches or log changes). */
export function materializeRows(ctx: TeamReadContext, threadIds: number[]): void {
  const { db, accountId, state } = ctx;
  const pending = listPendingTeamEvents(db, accountId);
  if (Object.keys(state.threads).length === 0 && pending.length === 0) return;
  const joined = followMerges(db, accountId, state, threadIds, ctx.now());
  for (const threadId of [...threadIds, ...joined]) {
    if (!getThread(db, threadId)) continue;
    const { thread, key, known } = ctx.teamThreadOf(threadId);
    const mine = pending
      .filter(
        (p) =>
          p.threadKey !== null && (p.threadKey === key || p.threadKey === thread?.key || known.includes(p.threadKey)),
      )
      .map((p) => p.event);
    if (!thread && mine.length === 0) continue;
    const base: ThreadTeamRow = {
      threadId,
      teamKey: thread?.key ?? key,
      owner: thread?.owner ?? null,
      handoffTo: thread?.pendingHandoff?.to ?? null,
      status: thread?.status ?? 'open',
      statusAt: statusChangedAt(state, thread),
      snoozedUntil: thread?.snooze?.until ?? null,
      snoozedAt: thread?.snooze ? (state.log.find((r) => r.uid === thread.snooze?.uid)?.at ?? null) : null,
      promiseDue: thread ? (mergedPromises(state, thread).at(-1)?.due ?? null) : null,
      notes: thread ? mergedNoteCount(state, thread) : 0,
    };
    saveThreadTeam(db, overlayPending(base, mine));
  }
}

/** The team part of a list row. */
export function teamView(ctx: TeamReadContext, threadId: number): ThreadTeamView {
  const row = getThreadTeam(ctx.db, threadId);
  // Mine name the team's key, or this thread's own key (pending actions follow it when it changes).
  const keys = [row?.teamKey, getThread(ctx.db, threadId)?.key];
  const pending = row
    ? listPendingTeamEvents(ctx.db, ctx.accountId).filter((p) => keys.includes(p.threadKey ?? undefined)).length
    : 0;
  return {
    owner: row?.owner ?? null,
    ownerName: row?.owner ? ctx.nameOf(row.owner) : null,
    handoffTo: row?.handoffTo ?? null,
    status: row?.status ?? 'open',
    snoozedUntil: row?.snoozedUntil ?? null,
    pending,
    replying: row ? ctx.replying([row.teamKey]) : [],
  };
}

/** Notes and the activity timeline of a thread, with my pending actions at the end. */
export function teamDetail(ctx: TeamReadContext, threadId: number): { notes: NoteView[]; activity: ActivityEntry[] } {
  const { db, accountId } = ctx;
  const { thread, key, known } = ctx.teamThreadOf(threadId);
  const teamKey = thread?.key ?? key;
  const pending = listPendingTeamEvents(db, accountId).filter(
    (p) => p.threadKey === teamKey || known.includes(p.threadKey ?? ''),
  );
  const from = getThread(db, threadId)?.from;
  return threadDetail({
    state: ctx.state,
    thread,
    keys: [teamKey, ...known],
    pending,
    nameOf: ctx.nameOf,
    customer: from ? from.name || from.address : '',
    subjectOf: (messageId) => messageSubject(db, accountId, messageId),
  });
}
