/**
 * The tray state: how many of my (and unowned) threads are due soon or overdue, and the
 * three most urgent. `trayState` scans a list once; `createTrayIndex` keeps sorted arrays so
 * one changed thread costs a binary search and an array splice, not a scan of every thread.
 */
import type { Deadline, TrayItem, TrayState } from '../../shared/policy';
import { deadlineStateFrom } from './deadlines';
import type { DueSoonStart } from './dueSoon';

/** A thread with its computed deadline, as the tray counts it. */
export interface TrayThread {
  threadId: string;
  /** Teammate address or id; null when unowned. */
  owner: string | null;
  deadline: Pick<Deadline, 'dueAt' | 'reason'> | null;
}

/** True for threads that count for me: mine, or nobody's. */
export function isForMe(owner: string | null, me: string): boolean {
  return owner === null || owner === me;
}

/** The tray from a full list of threads, in one pass; `dueSoon` says when a deadline starts to count. */
export function trayState(threads: readonly TrayThread[], me: string, now: number, dueSoon: DueSoonStart): TrayState {
  const urgent: TrayItem[] = [];
  let count = 0;
  let overdue = 0;
  for (const t of threads) {
    const d = t.deadline;
    if (d === null || !isForMe(t.owner, me)) continue;
    const state = deadlineStateFrom(d.dueAt, d.reason, now, dueSoon(d.dueAt));
    if (state === 'calm') continue;
    count++;
    if (state === 'overdue') overdue++;
    if (urgent.length < 3 || d.dueAt < (urgent[2]?.dueAt ?? Infinity)) {
      insertTop3(urgent, { threadId: t.threadId, dueAt: d.dueAt, reason: d.reason, state });
    }
  }
  return { count, overdue, urgent };
}

function insertTop3(top: TrayItem[], item: TrayItem): void {
  let i = top.length;
  while (i > 0 && (top[i - 1]?.dueAt ?? -Infinity) > item.dueAt) i--;
  top.splice(i, 0, item);
  if (top.length > 3) top.pop();
}

/** A tray kept up to date one thread at a time. */
export interface TrayIndex {
  /** Records a thread's new owner or deadline (a null deadline removes it). */
  update(thread: TrayThread): void;
  /** The tray at `now`. */
  state(now: number): TrayState;
  /** How many threads for me have a deadline. */
  readonly size: number;
}

interface Entry {
  threadId: string;
  dueAt: number;
  reason: Deadline['reason'];
  /** When the entry starts to count: when it enters Due soon, or the due time for a snooze. */
  countsFrom: number;
}

/** Index of the first element greater than `value` (or >= when `inclusive` is false). */
function bound(sorted: readonly number[], value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] ?? 0;
    if (v < value || (inclusive && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: number[], value: number): void {
  sorted.splice(bound(sorted, value, true), 0, value);
}

function removeSorted(sorted: number[], value: number): void {
  const i = bound(sorted, value, false);
  if (sorted[i] === value) sorted.splice(i, 1);
}

/** Sorted copy of numbers, using the native numeric sort of a typed array. */
function sortedNumbers(values: readonly number[]): number[] {
  return Array.from(Float64Array.from(values).sort());
}

/**
 * Builds a tray index for `me` from a full list (one sort), to be updated thread by thread;
 * `dueSoon` says when a deadline starts to count (build the index again when it changes).
 */
export function createTrayIndex(me: string, dueSoon: DueSoonStart, threads: readonly TrayThread[] = []): TrayIndex {
  const entries = new Map<string, Entry>();
  const toEntry = (t: TrayThread): Entry | null => {
    if (t.deadline === null || !isForMe(t.owner, me)) return null;
    const { dueAt, reason } = t.deadline;
    return { threadId: t.threadId, dueAt, reason, countsFrom: reason === 'snooze' ? dueAt : dueSoon(dueAt) };
  };
  for (const t of threads) {
    const e = toEntry(t);
    if (e) entries.set(e.threadId, e);
  }
  const byDue = [...entries.values()].sort((a, b) => a.dueAt - b.dueAt);
  const dues = byDue.map((e) => e.dueAt);
  const countsFrom = sortedNumbers(byDue.map((e) => e.countsFrom));

  const remove = (e: Entry): void => {
    const i = bound(dues, e.dueAt, false);
    let j = i;
    while (j < byDue.length && byDue[j]?.threadId !== e.threadId) j++;
    byDue.splice(j, 1);
    dues.splice(j, 1);
    removeSorted(countsFrom, e.countsFrom);
    entries.delete(e.threadId);
  };
  const add = (e: Entry): void => {
    const i = bound(dues, e.dueAt, true);
    byDue.splice(i, 0, e);
    dues.splice(i, 0, e.dueAt);
    insertSorted(countsFrom, e.countsFrom);
    entries.set(e.threadId, e);
  };

  return {
    get size() {
      return entries.size;
    },
    update(thread) {
      const old = entries.get(thread.threadId);
      if (old) remove(old);
      const next = toEntry(thread);
      if (next) add(next);
    },
    state(now) {
      const urgent: TrayItem[] = [];
      for (const e of byDue) {
        // Later deadlines never start to count earlier (DueSoonStart), so the rest are calm.
        if (urgent.length === 3 || dueSoon(e.dueAt) > now) break;
        if (e.countsFrom > now) continue;
        const state = deadlineStateFrom(e.dueAt, e.reason, now, e.countsFrom);
        urgent.push({ threadId: e.threadId, dueAt: e.dueAt, reason: e.reason, state });
      }
      return { count: bound(countsFrom, now, true), overdue: bound(dues, now, true), urgent };
    },
  };
}
