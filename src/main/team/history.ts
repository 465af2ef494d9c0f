/** Read-only facts from the folded log, for `log`, diagnostics, deadlines and metrics. Pure. */
import type { TeamState, TeamThread } from './state';

/** One line of the folded history in server order. */
export interface HistoryLine {
  uid: number;
  type: string | null;
  actor: string | null;
  thread: string | null;
  at: number | null;
  outcome: string;
  /** Why an event lost or was ignored; "not a teammate" for a stranger's applied event. */
  detail: string;
}

/** The folded history in server order. */
export function historyOf(state: TeamState): HistoryLine[] {
  return state.log.map((r) => ({
    uid: r.uid,
    type: r.type,
    actor: r.actor,
    thread: r.thread,
    at: r.at,
    outcome: r.outcome.status,
    detail:
      r.outcome.status === 'lost'
        ? r.outcome.message
        : r.outcome.status === 'ignored'
          ? r.outcome.reason
          : r.outcome.actorIsTeammate
            ? ''
            : 'not a teammate',
  }));
}

/** When the thread last changed status (close, reopen, waiting), if ever. */
export function statusChangedAt(state: TeamState, thread: TeamThread | null): number | null {
  if (!thread) return null;
  for (let i = thread.activity.length - 1; i >= 0; i--) {
    const record = state.log[thread.activity[i] ?? -1];
    if (record && (record.type === 'close' || record.type === 'reopen' || record.type === 'waiting')) return record.at;
  }
  return null;
}

/** Every applied close of a thread, oldest first (metrics: repeat contact after a close). */
export function closesOf(state: TeamState, thread: TeamThread): number[] {
  return thread.activity.flatMap((i) => {
    const r = state.log[i];
    return r && r.type === 'close' && r.outcome.status === 'applied' && r.at !== null ? [r.at] : [];
  });
}
