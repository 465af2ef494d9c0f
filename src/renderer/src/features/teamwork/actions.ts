import type { View } from '../../../../shared/team';
import type { Action, KeyBinding } from '../../keymap/types';
import { actOn } from './act';
import { openComposer, type ComposerKind } from './composerStore';
import { NOTE_INPUT_ID } from './ids';
import { useTeamOverlay } from './stores';
import { actionTargets, canUndo, moveOut, undoLast, useMarked } from './triage';
import { mergeCandidates, splitFrom, useChosenMessage } from './threadFixes';
import { useOpenThread } from '../../stores/thread';

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
  /** Opens a conversation in the pane (for `r`, `c`, `n` on a highlighted row). */
  openThread?(threadId: number): Promise<void>;
}

/** `a`: take the thread. */
export function claimThread(threadId: number): Promise<boolean> {
  return actOn(threadId, { type: 'claim' });
}

/** `e`: close (done). */
export function closeThread(threadId: number): Promise<boolean> {
  return actOn(threadId, { type: 'close' });
}

/** Shift+A: the assign picker (assign, hand off, release), for one thread or the marked ones. */
export function openAssignPicker(threadId: number, threadIds: number[] = [threadId]): void {
  useTeamOverlay.getState().show({ kind: 'assign', threadId, threadIds });
}

/** `h`: the snooze picker, for one thread or the marked ones. */
export function openSnoozePicker(threadId: number, threadIds: number[] = [threadId]): void {
  useTeamOverlay.getState().show({ kind: 'snooze', threadId, threadIds });
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
  { id: 'promised', label: 'Promised', keys: 'g p', actionId: 'view.promised' },
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
  const run = runners(ctx);
  const viewActions: TeamKeyAction[] = TEAM_VIEWS.map((v) => ({
    id: v.actionId,
    title: `Go to ${v.label}`,
    group: 'Views',
    keys: [v.keys],
    run: () => ctx.showView(v.id),
  }));
  return [...ownerActions(run), ...replyActions(ctx, run), ...triageActions(ctx, run), ...viewActions];
}

/** How an action finds what it acts on. */
interface Runners {
  /** There is a thread to act on: the open or highlighted one, or marked ones. */
  has(): boolean;
  /** Runs on the open or highlighted thread. */
  on(fn: (id: number) => unknown): () => void;
  /** Opens the highlighted row first, so the composer or note box has somewhere to appear. */
  opened(fn: (id: number) => unknown): () => void;
  /** Runs on the marked threads, or else the open or highlighted one. */
  onTargets(fn: (ids: number[]) => unknown): () => void;
}

function runners(ctx: TeamActionContext): Runners {
  return {
    has: () => ctx.threadId() !== null || useMarked.getState().ids.length > 0,
    on: (fn) => () => {
      const id = ctx.threadId();
      if (id !== null) void fn(id);
    },
    opened: (fn) => () => {
      const id = ctx.threadId();
      if (id === null) return;
      void (ctx.openThread ? ctx.openThread(id) : Promise.resolve()).then(() => fn(id));
    },
    onTargets: (fn) => () => {
      const ids = actionTargets(ctx.threadId());
      if (ids.length > 0) void fn(ids);
    },
  };
}

/** Who owns it: claim, and the assign picker. */
function ownerActions({ has, onTargets }: Runners): TeamKeyAction[] {
  return [
    {
      id: 'thread.claim',
      title: 'Claim (take it)',
      group: 'Conversation',
      keys: ['a'],
      available: has,
      run: onTargets((ids) => moveOut(ids, { type: 'claim' })),
    },
    {
      id: 'thread.assign',
      title: 'Assign, hand off or release…',
      group: 'Conversation',
      keys: ['Shift+A'],
      available: has,
      run: onTargets((ids) => openAssignPicker(ids[0] ?? 0, ids)),
    },
  ];
}

function replyActions(ctx: TeamActionContext, { opened }: Runners): TeamKeyAction[] {
  return REPLIES.map((r) => ({
    id: r.id,
    title: r.title,
    group: 'Conversation' as const,
    keys: r.keys,
    available: () => ctx.threadId() !== null,
    run: opened((id) => openComposer(id, r.kind)),
  }));
}

/** Close, snooze, note, undo, merge, split and marking rows. */
function triageActions(ctx: TeamActionContext, { has, on, opened, onTargets }: Runners): TeamKeyAction[] {
  const open = () => ctx.threadId() !== null;
  return [
    {
      id: 'thread.close',
      title: 'Close (done)',
      group: 'Conversation',
      keys: ['e'],
      available: has,
      run: onTargets((ids) => moveOut(ids, { type: 'close' })),
    },
    {
      id: 'thread.snooze',
      title: 'Snooze…',
      group: 'Conversation',
      keys: ['h'],
      available: has,
      run: onTargets((ids) => openSnoozePicker(ids[0] ?? 0, ids)),
    },
    {
      id: 'thread.note',
      title: 'Add a note',
      group: 'Conversation',
      keys: ['n'],
      available: open,
      run: opened(focusNote),
    },
    {
      id: 'thread.undo',
      title: 'Undo the last close, snooze, assignment, merge or split',
      group: 'Conversation',
      keys: ['z'],
      available: canUndo,
      run: () => void undoLast(),
    },
    ...threadFixActions(ctx),
    {
      id: 'list.mark',
      title: 'Select or unselect the highlighted conversation',
      group: 'Conversation',
      keys: ['x'],
      available: open,
      run: on((id) => useMarked.getState().toggle(id)),
    },
  ];
}

/** Merge the selected conversations, and "Split from here". */
function threadFixActions(ctx: TeamActionContext): TeamKeyAction[] {
  return [
    {
      id: 'thread.merge',
      title: 'Merge the selected conversations…',
      group: 'Conversation',
      keys: ['Shift+M'],
      available: () => mergeCandidates(ctx.threadId()).length >= 2,
      run: () => {
        const ids = mergeCandidates(ctx.threadId());
        if (ids.length >= 2) useTeamOverlay.getState().show({ kind: 'merge', threadIds: ids });
      },
    },
    {
      id: 'thread.split',
      title: 'Split from here (this message and the later ones)',
      group: 'Conversation',
      keys: [],
      available: () => splitTarget(ctx.threadId()) !== null,
      run: () => {
        const target = splitTarget(ctx.threadId());
        if (target) void splitFrom(target.threadId, target.messageId);
      },
    },
  ];
}

/** The key bindings of {@link teamActions}, to append to the keymap table (palette-only ones have none). */
export function teamKeymap(actions: readonly TeamKeyAction[]): KeyBinding[] {
  return actions.filter((a) => a.keys.length > 0).map((a) => ({ action: a.id, keys: a.keys }));
}

/** The message "Split from here" starts at: the one last focused in the open conversation, not its first. */
function splitTarget(threadId: number | null): { threadId: number; messageId: string } | null {
  const messageId = useChosenMessage.getState().messageId;
  const detail = useOpenThread.getState().detail;
  if (threadId === null || !messageId || detail?.thread.id !== threadId) return null;
  const at = detail.messages.findIndex((m) => m.messageId === messageId);
  return at > 0 ? { threadId, messageId } : null;
}
