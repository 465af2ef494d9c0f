/**
 * Merging and splitting conversations, on this machine and from the team log. A person's merge
 * or split is queued as a team event and applied to the local threads at once; every replica
 * applies the same event when its log sync brings it (the fold's rules for owners, notes and
 * promises are in team/merge.ts). Undo is the opposite action: a split that takes a merged
 * conversation back out, or a merge that puts a split-off one back.
 */
import type { Db } from '../store/db';
import type { TeamEvent, TeamEventOf } from '../../shared/teamEvents';
import type { MergeResult, SplitResult } from '../../shared/team';
import type { TeamEventDraft } from '../team/draft';
import { mergeRefusal } from '../team/merge';
import { readEntry, type TeamLogRecord, type TeamState } from '../team/state';
import { lookupThread } from '../team/threads';
import { getAccount } from '../store/repos/accounts';
import { hasPinsTo, pinnedFrom } from '../store/repos/threadPins';
import { getThread, resolveThread } from '../store/repos/threads';
import { threadMessageIds } from '../store/repos/messageThreads';
import { localThreadsFor, mergeLocal, messagesFrom, splitLocal } from '../store/threadFixes';
import { withReplies } from '../store/repos/messageThreads';
import { AppError } from '../appError';

/** What merging and splitting need of the team engine. */
export interface ThreadFixHost {
  readonly db: Db;
  readonly accountId: number;
  readonly now: () => number;
  state(): TeamState;
  /** The team key of a local thread, and the Message-IDs it is known by. */
  teamKeyOf(threadId: number): { key: string; known: string[] };
  /** Queues a team event (after checking who I am); returns its id. */
  queue(action: TeamEventDraft, subject: string | null): string;
}

/** The split payload's limit (shared/teamEvents.ts): more ids than this are not listed. */
const MAX_LISTED = 100;

function teamAddresses(db: Db): Set<string> {
  const account = getAccount(db);
  return new Set(account ? [account.address.toLowerCase()] : []);
}

function localThread(host: ThreadFixHost, idOrKey: string): { id: number; subject: string } {
  const thread = resolveThread(host.db, host.accountId, idOrKey);
  if (!thread) throw new AppError('not-found', `No conversation “${idOrKey}”. List them with "threads".`);
  return { id: thread.id, subject: thread.subject };
}

/** Merges the conversations `keys` (ids or keys) into `into`, which survives. */
export function mergeConversations(host: ThreadFixHost, keys: readonly string[], into: string): MergeResult {
  const target = localThread(host, into);
  const sources = keys.map((k) => localThread(host, k));
  const targetKey = host.teamKeyOf(target.id);
  const sourceKeys = sources.map((s) => ({ ...s, ...host.teamKeyOf(s.id) }));
  const refusal = mergeRefusal(
    sourceKeys.map((s) => s.key),
    targetKey.key,
  );
  if (refusal) throw new AppError('invalid-arguments', refusal);
  const now = host.now();
  for (const source of sourceKeys) {
    host.queue(
      { type: 'merge', thread: source.key, known: source.known, payload: { into: targetKey.key } },
      source.subject,
    );
    mergeLocal(
      host.db,
      host.accountId,
      { source: [source.key, ...source.known], sourceKey: source.key, into: [targetKey.key, ...targetKey.known] },
      teamAddresses(host.db),
      now,
    );
  }
  return {
    threadId: target.id,
    key: targetKey.key,
    merged: sourceKeys.map((s) => ({ key: s.key, subject: s.subject })),
    touched: [target.id, ...sources.map((s) => s.id)],
  };
}

/** "Split from here": the message and every later one become a conversation of their own. */
export function splitConversation(host: ThreadFixHost, idOrKey: string, fromMessageId: string): SplitResult {
  const source = localThread(host, idOrKey);
  const messageId = fromMessageId.trim().replace(/^<|>$/g, '');
  const ids = messagesFrom(host.db, source.id, messageId);
  if (ids === null) throw new AppError('invalid-arguments', `The conversation has no message “${messageId}”.`);
  if (ids.length === threadMessageIds(host.db, source.id).length)
    throw new AppError('invalid-arguments', 'That is the first message: split from a later one.');
  if (ids.length > MAX_LISTED)
    throw new AppError(
      'invalid-arguments',
      `At most ${MAX_LISTED} messages can be split off at once; split from a later one.`,
    );
  const { key, known } = host.teamKeyOf(source.id);
  return applySplit(host, { sourceId: source.id, sourceKey: key, known, messageIds: ids, newKey: messageId });
}

/** Takes the conversation `mergedKey` back out of `idOrKey` (the undo of a merge). */
export function unmergeConversation(host: ThreadFixHost, idOrKey: string, mergedKey: string): SplitResult {
  const source = localThread(host, idOrKey);
  const { key, known } = host.teamKeyOf(source.id);
  const merged = readEntry(host.state().threads, mergedKey);
  const pinned = pinnedFrom(host.db, host.accountId, mergedKey);
  if ((merged?.mergedInto ?? null) !== key && pinned.length === 0)
    throw new AppError('invalid-arguments', `“${mergedKey}” was not merged into this conversation.`);
  const ids = withReplies(host.db, source.id, pinned.length > 0 ? pinned : [mergedKey]);
  return applySplit(host, { sourceId: source.id, sourceKey: key, known, messageIds: ids, newKey: mergedKey });
}

function applySplit(
  host: ThreadFixHost,
  split: { sourceId: number; sourceKey: string; known: string[]; messageIds: string[]; newKey: string },
): SplitResult {
  const subject = getThread(host.db, split.sourceId)?.subject ?? null;
  host.queue(
    {
      type: 'split',
      thread: split.sourceKey,
      known: split.known,
      payload: { messageIds: split.messageIds.slice(0, MAX_LISTED), newThread: split.newKey },
    },
    subject,
  );
  const done = splitLocal(
    host.db,
    host.accountId,
    { messageIds: split.messageIds, newKey: split.newKey, sourceKey: split.sourceKey },
    teamAddresses(host.db),
    host.now(),
  );
  return {
    threadId: done.threadId,
    key: split.newKey,
    from: { key: split.sourceKey, threadId: split.sourceId },
    touched: done.touched,
  };
}

/**
 * Applies a merge or split the log applied (mine confirmed, or a teammate's) to the local
 * threads; returns the local threads it touched. Idempotent, so my own events change nothing
 * the second time.
 */
export function applyLoggedFix(
  db: Db,
  accountId: number,
  state: TeamState,
  record: TeamLogRecord,
  event: TeamEvent,
  now: number,
): number[] {
  if (record.outcome.status !== 'applied' || record.thread === null) return [];
  if (event.type === 'merge') return applyLoggedMerge(db, accountId, state, record.thread, event, now);
  if (event.type !== 'split') return [];
  const { newThread, messageIds } = event.payload;
  const from = lookupThread(state, record.thread);
  const source = from ? localThreadsFor(db, accountId, [from.key, record.thread]) : [];
  const listed = [...new Set([...messageIds, ...pinnedFrom(db, accountId, newThread)])];
  const ids = source.length > 0 ? [...new Set(source.flatMap((id) => withReplies(db, id, listed)))] : listed;
  return splitLocal(
    db,
    accountId,
    { messageIds: ids, newKey: newThread, sourceKey: record.thread },
    teamAddresses(db),
    now,
  ).touched;
}

function applyLoggedMerge(
  db: Db,
  accountId: number,
  state: TeamState,
  sourceKey: string,
  event: TeamEventOf<'merge'>,
  now: number,
): number[] {
  const into = event.payload.into;
  const live = lookupThread(state, into)?.key;
  const done = mergeLocal(
    db,
    accountId,
    {
      source: [sourceKey, event.thread, ...event.known],
      sourceKey,
      into: [into, ...(live && live !== into ? [live] : [])],
    },
    teamAddresses(db),
    now,
  );
  return done?.touched ?? [];
}

/**
 * A conversation that reached this machine after the team merged it away (its mail synced
 * after the merge event) joins the conversation it was merged into. Returns the threads touched.
 */
export function followMerges(
  db: Db,
  accountId: number,
  state: TeamState,
  threadIds: readonly number[],
  now: number,
): number[] {
  const touched: number[] = [];
  for (const id of threadIds) {
    const key = getThread(db, id)?.key;
    const merged = key === undefined ? undefined : readEntry(state.threads, key);
    // A conversation put back together by hand (a split undoing the merge, maybe not logged yet) stays.
    if (!key || !merged?.mergedInto || hasPinsTo(db, accountId, key)) continue;
    const done = mergeLocal(
      db,
      accountId,
      { source: [key], sourceKey: key, into: [merged.mergedInto] },
      teamAddresses(db),
      now,
    );
    if (done) touched.push(...done.touched);
  }
  return touched;
}
