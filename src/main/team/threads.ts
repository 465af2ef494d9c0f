/**
 * Which thread an event belongs to. Replicas with different partial views may key one
 * conversation differently (one has the root, another only a reply), so events carry the
 * Message-IDs their author knew (`known`). The first key the log sees for a conversation stays
 * its key; later keys and known ids become aliases of it. Merges keep every merged thread
 * pointing straight at a live thread (never chains), so resolving is at most two look-ups.
 */
import type { TeamEventOf } from '../../shared/teamEvents';
import { combineOnMerge } from './merge';
import { deleteEntry, newTeamThread, readEntry, writeEntry, type TeamState, type TeamThread } from './state';

/** The live thread a key or Message-ID resolves to, following aliases and merges. */
export function lookupThread(state: TeamState, id: string): TeamThread | undefined {
  const key = readEntry(state.threads, id) ? id : readEntry(state.threadAliases, id);
  if (key === undefined) return undefined;
  const thread = readEntry(state.threads, key);
  if (!thread || thread.mergedInto === null) return thread;
  return readEntry(state.threads, thread.mergedInto);
}

/** The live thread for the first of `ids` that the log knows, or null. */
export function findTeamThread(state: TeamState, ids: readonly string[]): TeamThread | null {
  for (const id of ids) {
    const thread = lookupThread(state, id);
    if (thread) return thread;
  }
  return null;
}

/** The thread an event is about, or a detached new one (see `attachThread`) if none is known. */
export function threadForEvent(state: TeamState, key: string, known: readonly string[]): TeamThread {
  return lookupThread(state, key) ?? findTeamThread(state, known) ?? newTeamThread(key);
}

/** Stores a thread an event applied to (if new) and learns the event's key and known ids as aliases.
 *  An id already known keeps its thread: the first mapping wins, so every replica agrees. */
export function attachThread(state: TeamState, thread: TeamThread, key: string, known: readonly string[]): void {
  if (!readEntry(state.threads, thread.key)) writeEntry(state.threads, thread.key, thread);
  learnAlias(state, key, thread.key);
  for (const id of known) learnAlias(state, id, thread.key);
}

function learnAlias(state: TeamState, id: string, key: string): void {
  if (id === key || readEntry(state.threads, id) || readEntry(state.threadAliases, id) !== undefined) return;
  writeEntry(state.threadAliases, id, key);
}

/** Moves messages of `source` into a new thread keyed `newThread` (usually the first moved
 *  message's own id, which may so far be an alias of the source). Ids that are thread keys stay
 *  put; ids known to belong to another thread are left alone. When `newThread` is a thread merged
 *  into `source`, the split undoes that merge: the thread comes back with its own state (see
 *  merge.ts). Returns why it cannot apply, or null. */
export function splitThread(state: TeamState, source: TeamThread, event: TeamEventOf<'split'>): string | null {
  const { newThread, messageIds } = event.payload;
  const merged = readEntry(state.threads, newThread);
  if (merged !== undefined && merged.mergedInto === source.key) {
    merged.mergedInto = null;
    source.mergedFrom = source.mergedFrom.filter((key) => key !== newThread);
  } else {
    const existing = lookupThread(state, newThread);
    if (newThread === source.key || merged || (existing && existing !== source)) {
      return 'the new conversation key is already in use';
    }
    writeEntry(state.threads, newThread, { ...newTeamThread(newThread), splitFrom: source.key });
    deleteEntry(state.threadAliases, newThread);
  }
  for (const id of messageIds) {
    if (readEntry(state.threads, id)) continue;
    const current = lookupThread(state, id);
    if (current === undefined || current === source) writeEntry(state.threadAliases, id, newThread);
  }
  return null;
}

/** Merges `source` into the thread `into` resolves to (created if the log has not seen it),
 *  by the rules of merge.ts; the source's notes and promises stay on the source record, listed
 *  in the target's `mergedFrom`. Returns why it cannot apply, or null. */
export function mergeThread(state: TeamState, source: TeamThread, event: TeamEventOf<'merge'>): string | null {
  const into = event.payload.into;
  const target = lookupThread(state, into) ?? newTeamThread(into);
  if (target === source || target.key === source.key) return 'these conversations are already one';
  if (!readEntry(state.threads, target.key)) writeEntry(state.threads, target.key, target);
  combineOnMerge(target, source);
  source.mergedInto = target.key;
  for (const key of source.mergedFrom) {
    const merged = readEntry(state.threads, key);
    if (merged) merged.mergedInto = target.key;
  }
  target.mergedFrom.push(source.key, ...source.mergedFrom);
  source.mergedFrom = [];
  return null;
}
