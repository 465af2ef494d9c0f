/**
 * Triage without surprises (docs/PRODUCT.md, "Triage from the keyboard"): an action that can move
 * conversations out of the list runs on the marked rows (`x`) or the current one, says what it did
 * in a toast with Undo (`z` undoes the last), and the open pane follows the highlighted row.
 */
import { create } from 'zustand';
import type { ThreadAction, ThreadTeamView } from '../../../../shared/team';
import type { ListedThread } from '../../../../shared/types';
import { threadAt, useThreadList } from '../../stores/list';
import { useOpenThread } from '../../stores/thread';
import { actOn } from './act';
import { whenText } from './format';
import { useTeamToasts } from './stores';

/** Actions that can take a conversation out of the current view. */
export type MoveAction = Extract<
  ThreadAction,
  { type: 'close' | 'snooze' | 'assign' | 'handoff' | 'release' | 'claim' }
>;

/** Rows marked with `x`, by thread id; team actions apply to all of them. */
export const useMarked = create<{ ids: number[]; toggle(id: number): void; clear(): void }>((set) => ({
  ids: [],
  toggle(id) {
    set((s) => ({ ids: s.ids.includes(id) ? s.ids.filter((i) => i !== id) : [...s.ids, id] }));
  },
  clear() {
    set({ ids: [] });
  },
}));

/** The last undoable move, for `z`. */
let lastUndo: { run: () => Promise<void>; toastId: string } | null = null;
let undoCount = 0;
const UNDO_MS = 10_000;
/** A thread not on screen when it was moved is taken to have been open and unowned. */
const UNKNOWN_BEFORE: ThreadTeamView = {
  owner: null,
  ownerName: null,
  handoffTo: null,
  status: 'open',
  snoozedUntil: null,
  pending: 0,
  replying: [],
};

/** What puts a thread back as it was before `action` (status, snooze or owner). */
export function inverseOf(action: MoveAction, before: ThreadTeamView, now: number): ThreadAction {
  if (action.type === 'close') return before.status === 'waiting' ? { type: 'waiting' } : { type: 'reopen' };
  if (action.type === 'snooze')
    return {
      type: 'snooze',
      until: before.snoozedUntil !== null && before.snoozedUntil > now ? before.snoozedUntil : null,
    };
  if (action.type === 'handoff') return before.owner ? { type: 'assign', to: before.owner } : { type: 'release' };
  return before.owner ? { type: 'assign', to: before.owner } : { type: 'release' };
}

/** A toast's words for a move: "Closed “Order 88”", "Snoozed 3 conversations until Tue 09:00". */
export function moveWords(action: MoveAction, threads: readonly Pick<ListedThread, 'subject'>[], name = ''): string {
  const what = threads.length === 1 ? `“${threads[0]?.subject || '(no subject)'}”` : `${threads.length} conversations`;
  switch (action.type) {
    case 'close':
      return `Closed ${what}`;
    case 'snooze':
      return action.until === null ? `Woke ${what}` : `Snoozed ${what} until ${whenText(action.until)}`;
    case 'assign':
      return `Assigned ${what} to ${name || action.to}`;
    case 'handoff':
      return `Offered ${what} to ${name || action.to}`;
    case 'release':
      return `Released ${what}`;
    case 'claim':
      return `You took ${what}`;
  }
}

/** The conversations a team action applies to: the marked rows, else the open or highlighted one. */
export function actionTargets(current: number | null): number[] {
  const marked = useMarked.getState().ids;
  if (marked.length > 0) return [...marked];
  return current === null ? [] : [current];
}

/** A conversation's list row (from any loaded page, or the open pane). */
export function rowById(id: number): ListedThread | undefined {
  const { pages } = useThreadList.getState();
  for (const rows of Object.values(pages)) {
    const found = rows.find((t) => t.id === id);
    if (found) return found;
  }
  const open = useOpenThread.getState().detail;
  return open?.thread.id === id ? open.thread : undefined;
}

function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * After threads left (or stayed in) the list: the highlight stays at the same place, and an
 * open pane shows the highlighted row, never a conversation that is no longer listed. `done`
 * (close, snooze) moves on past a conversation that stays listed, as "archive and next" does.
 */
export async function followHighlight(moved: readonly number[], indexBefore: number, done = true): Promise<void> {
  const list = useThreadList.getState();
  await list.reload();
  const after = useThreadList.getState();
  const openId = useOpenThread.getState().openId;
  const stillListed = (id: number) => {
    for (let i = 0; i < after.count; i += 1) if (threadAt(after, i)?.id === id) return true;
    return false;
  };
  const same = moved.includes(threadAt(after, indexBefore)?.id ?? -1);
  // Still listed and not done with (a claim in All): stay on it.
  if (same && !done) return;
  // Done with it but still listed (a close in All): the next one is below it.
  const next = threadAt(after, Math.min(same ? indexBefore + 1 : indexBefore, Math.max(0, after.count - 1)));
  const paneMoved = openId !== null && (moved.includes(openId) || !stillListed(openId));
  if (next && !moved.includes(next.id)) after.selectById(next.id);
  if (!paneMoved) return;
  if (next && !moved.includes(next.id)) {
    void useOpenThread.getState().open(next.id);
    focusLater('thread-pane');
  } else {
    useOpenThread.getState().close();
    focusLater('thread-list');
  }
}

/**
 * Runs a move on each thread, then follows the highlight and offers Undo (the toast's button
 * or `z`). Returns whether every thread took the action.
 */
export async function moveOut(ids: readonly number[], action: MoveAction, name = ''): Promise<boolean> {
  if (ids.length === 0) return false;
  const now = Date.now();
  const before = ids.map((id) => ({ id, row: rowById(id) }));
  const indexBefore = useThreadList.getState().selectedIndex;
  const done: typeof before = [];
  for (const b of before) if (await actOn(b.id, action)) done.push(b);
  useMarked.getState().clear();
  await followHighlight(
    done.map((d) => d.id),
    indexBefore,
    action.type === 'close' || action.type === 'snooze',
  );
  if (done.length === 0) return false;
  undoCount += 1;
  const toastId = `triage-undo-${undoCount}`;
  const undo = async () => {
    if (lastUndo?.toastId === toastId) lastUndo = null;
    for (const d of done) {
      const inverse = inverseOf(action, d.row?.team ?? UNKNOWN_BEFORE, now);
      if (inverse) await actOn(d.id, inverse);
    }
    await useThreadList.getState().reload();
    // The highlight, and an open pane, go back to the conversation that came back.
    const first = done[0];
    if (first) {
      useThreadList.getState().selectById(first.id);
      if (useOpenThread.getState().openId !== null) void useOpenThread.getState().open(first.id);
    }
    useTeamToasts.getState().dismiss(toastId);
  };
  registerUndo(
    toastId,
    moveWords(
      action,
      done.map((d) => ({ subject: d.row?.subject ?? '' })),
      name,
    ),
    undo,
  );
  return done.length === ids.length;
}

/** Offers Undo for something just done: a toast with the button, and `z` until the next one. */
export function offerUndo(message: string, run: () => Promise<void>): void {
  undoCount += 1;
  const toastId = `undo-${undoCount}`;
  registerUndo(toastId, message, async () => {
    if (lastUndo?.toastId === toastId) lastUndo = null;
    await run();
    useTeamToasts.getState().dismiss(toastId);
  });
}

function registerUndo(toastId: string, message: string, undo: () => Promise<void>): void {
  lastUndo = { run: undo, toastId };
  useTeamToasts.getState().push({
    id: toastId,
    kind: 'info',
    message,
    threadKey: null,
    local: { label: 'Undo (z)', run: undo },
    expiresAt: Date.now() + UNDO_MS,
  });
}

/** `z`: undoes the last move, if it has not been undone yet. */
export async function undoLast(): Promise<boolean> {
  const last = lastUndo;
  if (!last) return false;
  lastUndo = null;
  await last.run();
  return true;
}

/** Whether `z` has something to undo. */
export function canUndo(): boolean {
  return lastUndo !== null;
}
