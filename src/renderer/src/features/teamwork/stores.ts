import { create } from 'zustand';
import type { CallName, Toast } from '../../../../shared/contract';
import type { FollowThroughMetrics } from '../../../../shared/policy';
import type { Identity, View } from '../../../../shared/team';
import type { Teammate } from '../../../../shared/teamEvents';
import type { QueuedReply } from '../../../../shared/outbox';
import { api } from '../../api';
import { errorText } from '../../callErrors';
import { coalesce } from '../../stores/coalesce';

/** The roster (shared, from the team log) and who I am (local). */
interface RosterState {
  teammates: Teammate[];
  me: Identity | null;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  setMe(identity: Identity): Promise<Identity>;
}

/** Teammates and my identity, as `team.roster` and `me.get` report them. */
export const useRoster = create<RosterState>((set) => ({
  teammates: [],
  me: null,
  loaded: false,
  error: null,
  async load() {
    try {
      const [teammates, me] = await Promise.all([api['team.roster']({}), api['me.get']({})]);
      set({ teammates, me, loaded: true, error: null });
    } catch (error) {
      set({ error: errorText(error), loaded: true });
    }
  },
  async setMe(identity) {
    const me = await api['me.set'](identity);
    set({ me });
    return me;
  },
}));

/** A teammate's display name, or their address when the roster does not know them. */
export function nameOf(teammates: readonly Teammate[], address: string | null): string {
  if (!address) return '';
  return teammates.find((t) => t.address === address)?.name || address;
}

/** The outbox as `outbox.list` last returned it. */
interface OutboxStoreState {
  items: QueuedReply[];
  error: string | null;
  refresh(): Promise<void>;
}

/** Outbox items; refetched on every `outbox.changed`. */
export const useOutbox = create<OutboxStoreState>((set) => ({
  items: [],
  error: null,
  async refresh() {
    try {
      set({ items: await api['outbox.list']({}), error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
}));

/** Retry a failed reply now, send an uncertain one again, or cancel one not yet sent. */
export function outboxAction(action: 'retry' | 'sendAgain' | 'cancel', id: number) {
  return api[`outbox.${action}`]({ id });
}

/** Replies that need the person: failed, or "may not have been sent". */
export function needsAttention(items: readonly QueuedReply[]): number {
  return items.filter((i) => i.state === 'failed' || i.state === 'uncertain').length;
}

/** The dashboard's weekly metrics. */
interface DashboardState {
  weeks: FollowThroughMetrics[];
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  exportCsv(kind: 'threads' | 'metrics'): Promise<string>;
}

/** The last 12 weeks of follow-through metrics (`metrics.weekly`), and CSV export. */
export const useDashboard = create<DashboardState>((set) => ({
  weeks: [],
  loading: false,
  error: null,
  async load() {
    set({ loading: true });
    try {
      set({ weeks: await api['metrics.weekly']({}), loading: false, error: null });
    } catch (error) {
      set({ loading: false, error: errorText(error) });
    }
  },
  exportCsv: (kind) => api['export.csv']({ kind }),
}));

/** Thread counts per team view. */
interface CountsState {
  counts: Partial<Record<View, number>>;
  error: string | null;
  refresh(): Promise<void>;
}

/** How often the sidebar's counts are asked again while nothing changes (deadlines pass by themselves). */
export const COUNTS_REFRESH_MS = 60_000;

/** At most one `views.counts` every this often while threads keep changing (a first sync's batches). */
export const COUNTS_MIN_GAP_MS = 2000;

/** `views.counts`; startTeamwork asks again on `threads.changed` and every minute, coalesced. */
export const useCounts = create<CountsState>((set) => ({
  counts: {},
  error: null,
  async refresh() {
    try {
      set({ counts: await api['views.counts']({}), error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
}));

/** A toast as the teamwork UI shows it: the service's, or a local one with its own action (Undo). */
export interface TeamToast extends Toast {
  /** A local action, run in the renderer (the composer's Undo). */
  local?: { label: string; run: () => Promise<void> | void };
  /** When it goes away by itself (epoch ms); null keeps it until dismissed. */
  expiresAt?: number | null;
  /** Why its action failed, worded for a person. */
  problem?: string;
}

/** Toasts with actions: accept a handoff, retry a send, undo a reply. */
interface TeamToastState {
  toasts: TeamToast[];
  push(toast: TeamToast): void;
  dismiss(id: string): void;
  act(id: string): Promise<void>;
}

/** Calls a toast's contract action (`toast.action.call` with `args`). */
function callAction(call: CallName, args: Record<string, unknown>): Promise<unknown> {
  const fn = api[call] as (a: Record<string, unknown>) => Promise<unknown>;
  return fn(args);
}

/** The team toast store: newest last, at most five. */
export const useTeamToasts = create<TeamToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    set((s) => ({ toasts: [...s.toasts.filter((t) => t.id !== toast.id), toast].slice(-5) }));
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  async act(id) {
    const toast = get().toasts.find((t) => t.id === id);
    if (!toast) return;
    try {
      if (toast.local) await toast.local.run();
      else if (toast.action) await callAction(toast.action.call, toast.action.args);
      get().dismiss(id);
    } catch (error) {
      set((s) => ({ toasts: s.toasts.map((t) => (t.id === id ? { ...t, problem: errorText(error) } : t)) }));
    }
  },
}));

/** Which teamwork dialog is up, and for which thread. */
export type TeamOverlay =
  | { kind: 'none' }
  | { kind: 'assign' | 'snooze'; threadId: number; /** Every thread it acts on (marked rows). */ threadIds?: number[] }
  | { kind: 'merge'; threadIds: number[] };

/** The teamwork overlay store (assign picker, snooze picker). */
export const useTeamOverlay = create<{ overlay: TeamOverlay; show(o: TeamOverlay): void; close(): void }>((set) => ({
  overlay: { kind: 'none' },
  show(overlay) {
    set({ overlay });
  },
  close() {
    set({ overlay: { kind: 'none' } });
  },
}));

/**
 * Subscribes the teamwork stores to the service and loads them once; returns the unsubscribe.
 * Stores only mirror the service: every event triggers a refetch, nothing is patched locally.
 */
export function startTeamwork(): () => void {
  void useRoster.getState().load();
  void useOutbox.getState().refresh();
  const counts = coalesce(() => useCounts.getState().refresh(), COUNTS_MIN_GAP_MS);
  counts.request();
  const offs = [
    api.on('threads.changed', () => {
      counts.request();
      void useRoster.getState().load();
    }),
    api.on('outbox.changed', (item) => {
      void useOutbox.getState().refresh();
      // Sent after all (a retry, or signed in again): its "Not sent" toast (service/outboxWiring.ts) is over.
      if (item.state === 'accepted' || item.state === 'filed')
        useTeamToasts.getState().dismiss(`outbox-${item.id}-failed`);
    }),
    api.on('toast', (toast) => useTeamToasts.getState().push(toast)),
  ];
  // Due soon and Overdue fill as time passes with no event at all, so their counts are asked again.
  const ticking = setInterval(() => counts.request(), COUNTS_REFRESH_MS);
  return () => {
    clearInterval(ticking);
    counts.stop();
    offs.forEach((off) => off());
  };
}
