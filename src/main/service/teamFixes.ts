/**
 * The team engine's merge and split wiring: a person's merge or split runs in one transaction
 * and refreshes the rows it touched; a merge or split read from the log is applied to the local
 * threads, and after a refold every one is applied again in log order (service/threadMerge.ts
 * does the work; each step is idempotent).
 */
import type { MergeResult, SplitResult } from '../../shared/team';
import { parseTeamEvent, type TeamLogEntry } from '../../shared/teamEvents';
import type { TeamLogRecord } from '../team/state';
import {
  applyLoggedFix,
  mergeConversations,
  splitConversation,
  unmergeConversation,
  type ThreadFixHost,
} from './threadMerge';

/** What the wiring needs of the team engine besides what merging itself needs. */
export interface TeamFixesHost extends ThreadFixHost {
  /** Throws the "tell Promptly who you are" error when no identity is set. */
  requireMe(): void;
  /** Rewrites the team rows of these local threads. */
  materialize(threadIds: number[]): void;
  threadsChanged(threadIds: number[]): void;
}

export class TeamFixes {
  constructor(private readonly host: TeamFixesHost) {}

  /** Merges conversations into `into`, which survives. */
  merge(keys: readonly string[], into: string): MergeResult {
    return this.run((host) => mergeConversations(host, keys, into));
  }

  /** "Split from here": the message and every later one become a conversation of their own. */
  split(key: string, fromMessageId: string): SplitResult {
    return this.run((host) => splitConversation(host, key, fromMessageId));
  }

  /** Takes a conversation merged into `key` back out (the undo of a merge). */
  unmerge(key: string, mergedKey: string): SplitResult {
    return this.run((host) => unmergeConversation(host, key, mergedKey));
  }

  /** Applies a merge or split the log applied to the local threads (every replica does). */
  applyLogged(record: TeamLogRecord, raw: unknown, affected: Set<number>): void {
    const parsed = parseTeamEvent(raw);
    if (!parsed.ok) return;
    const { db, accountId } = this.host;
    for (const id of applyLoggedFix(db, accountId, this.host.state(), record, parsed.event, this.host.now()))
      affected.add(id);
  }

  /** After a refold, every merge and split again in log order; returns the threads touched. */
  replay(entries: readonly TeamLogEntry[]): number[] {
    const byUid = new Map(entries.map((e) => [e.uid, e.event]));
    const affected = new Set<number>();
    const state = this.host.state();
    for (const index of state.threadFixes) {
      const record = state.log[index];
      if (record) this.applyLogged(record, byUid.get(record.uid), affected);
    }
    return [...affected];
  }

  private run<T extends { touched: number[] }>(fix: (host: ThreadFixHost) => T): T {
    const host = this.host;
    host.requireMe();
    const result = host.db.transaction(() => fix(host))();
    host.db.transaction(() => host.materialize(result.touched))();
    host.threadsChanged(result.touched);
    return result;
  }
}
