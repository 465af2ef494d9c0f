import type { DeadlineReason, TrayItem, TrayState } from '../../shared/policy';
import type { TrayVariant } from './platform';

/** One urgent conversation in the tray menu. */
export interface TrayMenuThread {
  label: string;
  threadKey: string;
}

/** Everything the tray shows, computed from the scheduler's state. */
export interface TrayView {
  variant: TrayVariant;
  /** Next to the icon on macOS; the count, or empty. */
  title: string;
  tooltip: string;
  /** The number for the dock or taskbar badge. */
  badge: number;
  threads: TrayMenuThread[];
  paused: boolean;
}

/** How many urgent conversations the tray menu lists. */
export const TRAY_THREADS = 3;

const REASONS: Record<DeadlineReason, string> = {
  'first-response': 'First reply',
  'next-response': 'Reply',
  promise: 'Promise',
  snooze: 'Snooze ends',
};

/** "35 min", "2 h", "3 d": a short span for a menu line. */
export function shortSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}

/** A menu line for an urgent thread: its subject when the state carries one, why, and when. */
export function trayItemLabel(item: TrayItem & { subject?: string }, now: number): string {
  const what = item.subject?.trim() ? item.subject.trim().slice(0, 60) : REASONS[item.reason];
  const left = item.dueAt - now;
  const when =
    Math.abs(left) < 60_000 ? 'due now' : left < 0 ? `overdue ${shortSpan(-left)}` : `due in ${shortSpan(left)}`;
  return `${what} — ${when}`;
}

/** Counts in words: "3 replies due, 1 overdue". */
function countText(state: TrayState): string {
  if (state.count === 0) return 'Nothing due';
  const due = `${state.count} ${state.count === 1 ? 'reply' : 'replies'} due`;
  return state.overdue > 0 ? `${due}, ${state.overdue} overdue` : due;
}

/** What the tray shows for a state; `pausedUntil` is when paused notifications resume. */
export function trayView(state: TrayState, now: number, pausedUntil: number | null): TrayView {
  const paused = pausedUntil !== null && pausedUntil > now;
  const variant: TrayVariant = state.overdue > 0 ? 'overdue' : state.count > 0 ? 'due' : 'normal';
  const pause = paused ? ` (notifications paused for ${shortSpan(pausedUntil - now)})` : '';
  return {
    variant,
    title: state.count > 0 ? String(state.count) : '',
    tooltip: `Promptly: ${countText(state)}${pause}`,
    badge: state.count,
    threads: state.urgent
      .slice(0, TRAY_THREADS)
      .map((item) => ({ label: trayItemLabel(item, now), threadKey: item.threadId })),
    paused,
  };
}
