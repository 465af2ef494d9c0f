import type { View } from '../../../../shared/team';
import type { Action, KeyBinding } from '../../keymap/types';
import { actOn } from './act';
import { openComposer, type ComposerKind } from './composerStore';
import { NOTE_INPUT_ID } from './ids';
import { useTeamOverlay } from './stores';

/** Screens the teamwork pieces add: the team list views, the outbox, the dashboard, settings. */
export type TeamViewId = Exclude<View, 'all'> | 'outbox' | 'dashboard' | 'settings';

/** An action plus the keys it wants (tinykeys syntax), ready for the keymap and the palette. */
export interface TeamKeyAction extends Action {
  keys: string[];
}

/** What the actions need from the app: which thread they act on, and how to show a view. */
export interface TeamActionContext {
  /** The open thread, or else the selected row's; null when there is none. */
  threadId(): number | null;
  showView(view: TeamViewId): void;
}

/** `a`: take the thread. */
export function claimThread(threadId: number): Promise<boolean> {
  return actOn(threadId, { type: 'claim' });
}

/** `e`: close (done). */
export function closeThread(threadId: number): Promise<boolean> {
  return actOn(threadId, { type: 'close' });
}

/** Shift+A: the assign picker (assign, hand off, release). */
export function openAssignPicker(threadId: number): void {
  useTeamOverlay.getState().show({ kind: 'assign', threadId });
}

/** `h`: the snooze picker. */
export function openSnoozePicker(threadId: number): void {
  useTeamOverlay.getState().show({ kind: 'snooze', threadId });
}

/** `n`: focuses the note box of the open thread's team panel. */
export function focusNote(): void {
  requestAnimationFrame(() => document.getElementById(NOTE_INPUT_ID)?.focus());
}

/** The team view a `g` sequence jumps to, with its title. */
export const TEAM_VIEWS: ReadonlyArray<{ id: TeamViewId; label: string; keys: string; actionId: string }> = [
  { id: 'mine', label: 'Mine', keys: 'g m', actionId: 'view.mine' },
  { id: 'unassigned', label: 'Unassigned', keys: 'g u', actionId: 'view.unassigned' },
  { id: 'due', label: 'Due soon', keys: 'g d', actionId: 'view.dueSoon' },
  { id: 'overdue', label: 'Overdue', keys: 'g o', actionId: 'view.overdue' },
  { id: 'waiting', label: 'Waiting on customer', keys: 'g w', actionId: 'view.waiting' },
  { id: 'closed', label: 'Closed', keys: 'g c', actionId: 'view.closed' },
  { id: 'outbox', label: 'Outbox', keys: 'g b', actionId: 'view.outbox' },
  { id: 'dashboard', label: 'Dashboard', keys: 'g s', actionId: 'view.dashboard' },
  { id: 'settings', label: 'Team settings', keys: 'g ,', actionId: 'view.settings' },
];

const REPLIES: ReadonlyArray<{ id: string; kind: ComposerKind; title: string; keys: string[] }> = [
  { id: 'reply.new', kind: 'reply', title: 'Reply', keys: ['r'] },
  { id: 'reply.all', kind: 'reply-all', title: 'Reply all', keys: ['Shift+R'] },
  { id: 'reply.forward', kind: 'forward', title: 'Forward', keys: ['f'] },
  { id: 'reply.courtesy', kind: 'courtesy', title: 'Courtesy reply (promise a date)', keys: ['c'] },
];

/**
 * The teamwork actions with their keys (docs/PRODUCT.md, "Triage from the keyboard"). Ids match
 * ARRIVING_KEYMAP, so they replace those reservations one for one.
 */
export function teamActions(ctx: TeamActionContext): TeamKeyAction[] {
  const has = () => ctx.threadId() !== null;
  const on = (fn: (id: number) => unknown) => () => {
    const id = ctx.threadId();
    if (id !== null) void fn(id);
  };
  const threadActions: TeamKeyAction[] = [
    {
      id: 'thread.claim',
      title: 'Claim (take it)',
      group: 'Conversation',
      keys: ['a'],
      available: has,
      run: on(claimThread),
    },
    {
      id: 'thread.assign',
      title: 'Assign, hand off or release…',
      group: 'Conversation',
      keys: ['Shift+A'],
      available: has,
      run: on(openAssignPicker),
    },
    ...REPLIES.map((r) => ({
      id: r.id,
      title: r.title,
      group: 'Conversation' as const,
      keys: r.keys,
      available: has,
      run: on((id) => openComposer(id, r.kind)),
    })),
    {
      id: 'thread.close',
      title: 'Close (done)',
      group: 'Conversation',
      keys: ['e'],
      available: has,
      run: on(closeThread),
    },
    {
      id: 'thread.snooze',
      title: 'Snooze…',
      group: 'Conversation',
      keys: ['h'],
      available: has,
      run: on(openSnoozePicker),
    },
    { id: 'thread.note', title: 'Add a note', group: 'Conversation', keys: ['n'], available: has, run: focusNote },
  ];
  const viewActions: TeamKeyAction[] = TEAM_VIEWS.map((v) => ({
    id: v.actionId,
    title: `Go to ${v.label}`,
    group: 'Views',
    keys: [v.keys],
    run: () => ctx.showView(v.id),
  }));
  return [...threadActions, ...viewActions];
}

/** The key bindings of {@link teamActions}, to append to the keymap table. */
export function teamKeymap(actions: readonly TeamKeyAction[]): KeyBinding[] {
  return actions.map((a) => ({ action: a.id, keys: a.keys }));
}
