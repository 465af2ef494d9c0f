import { threadAt, useThreadList } from '../stores/list';
import { useOpenThread } from '../stores/thread';
import { useSync } from '../stores/sync';
import { useUi, type ViewId } from '../stores/ui';
import { VIEWS } from '../stores/views';
import type { View } from '../../../shared/team';
import { closeThread, teamActions, type TeamKeyAction } from '../features/teamwork/actions';
import { appActions } from '../features/onboarding/appActions';
import type { Action } from './types';

export type { Action } from './types';

/** Focuses an element by id on the next frame, after React has rendered it. */
export function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The ids of the main focus targets, so actions can put focus where the person expects. */
export const FOCUS = {
  list: 'thread-list',
  thread: 'thread-pane',
  search: 'search-input',
  customer: 'customer-panel',
} as const;

function openSelected(): void {
  const list = useThreadList.getState();
  const thread = threadAt(list, list.selectedIndex);
  if (!thread) return;
  void useOpenThread.getState().open(thread.id);
  focusById(FOCUS.thread);
}

function step(delta: number): void {
  useThreadList.getState().move(delta);
  // With a conversation open, j/k read the next one (Gmail); otherwise they move the cursor.
  if (useOpenThread.getState().openId !== null) {
    const list = useThreadList.getState();
    const thread = threadAt(list, list.selectedIndex);
    if (thread) void useOpenThread.getState().open(thread.id);
  }
}

/** Views that are thread lists (all and the team views); the rest are their own screens. */
const LIST_VIEWS: readonly View[] = ['all', 'mine', 'unassigned', 'due', 'overdue', 'waiting', 'closed'];

function isListView(view: ViewId): view is View {
  return (LIST_VIEWS as readonly string[]).includes(view);
}

/** Shows a view: a thread list (All, Mine, Due soon…), the unreadable list, or a screen. */
export function showView(view: ViewId): void {
  useUi.getState().setView(view);
  useOpenThread.getState().close();
  if (isListView(view)) {
    const source = useThreadList.getState().source;
    if (source.kind !== 'all' || (source.view ?? 'all') !== view)
      void useThreadList.getState().setSource({ kind: 'all', view });
    focusById(FOCUS.list);
    return;
  }
  focusById(view === 'unreadable' ? 'unreadable-list' : `${view}-screen`);
}

/** The conversation an action applies to: the open one, else the selected row. */
function currentThreadId(): number | null {
  const open = useOpenThread.getState().openId;
  if (open !== null) return open;
  const list = useThreadList.getState();
  return threadAt(list, list.selectedIndex)?.id ?? null;
}

/** After closing a conversation the next one opens (Gmail's "archive and next"). */
async function closeAndNext(id: number): Promise<void> {
  if (!(await closeThread(id))) return;
  const list = useThreadList.getState();
  const index = list.selectedIndex;
  await list.reload();
  const after = useThreadList.getState();
  // In a view that still lists the closed conversation (All), the next one is below it.
  const same = threadAt(after, index)?.id === id;
  const next = threadAt(after, Math.min(same ? index + 1 : index, Math.max(0, after.count - 1)));
  if (next && next.id !== id) {
    after.selectById(next.id);
    void useOpenThread.getState().open(next.id);
    focusById(FOCUS.thread);
  } else {
    useOpenThread.getState().close();
    focusById(FOCUS.list);
  }
}

/** Every list can be sorted by due time (most urgent first) or by latest message. */
export function toggleDueSort(): void {
  const source = useThreadList.getState().source;
  if (source.kind !== 'all') return;
  const view = source.view ?? 'all';
  const current = source.sort ?? (view === 'due' || view === 'overdue' ? 'due' : 'recent');
  void useThreadList.getState().setSource({ ...source, sort: current === 'due' ? 'recent' : 'due' });
}

/** Claim, assign, reply, courtesy reply, close, snooze, note and the team views. */
export const TEAM_ACTIONS: readonly TeamKeyAction[] = teamActions({ threadId: currentThreadId, showView }).map((a) =>
  a.id === 'thread.close'
    ? {
        ...a,
        run: () => {
          const id = currentThreadId();
          if (id !== null) void closeAndNext(id);
        },
      }
    : a,
);

function back(): void {
  const ui = useUi.getState();
  if (ui.overlay !== 'none') {
    ui.setOverlay('none');
    return;
  }
  if (useOpenThread.getState().openId !== null) {
    useOpenThread.getState().close();
    focusById(FOCUS.list);
    return;
  }
  if (useThreadList.getState().source.kind === 'search') showView('all');
}

const viewActions: Action[] = VIEWS.map((view) => ({
  id: `view.${view.id}`,
  title: `Go to ${view.label}`,
  group: 'Views',
  run: () => showView(view.id),
}));

/** Every action: navigation, conversation, team and view actions. */
export const ACTIONS: readonly Action[] = [
  { id: 'list.next', title: 'Next conversation', group: 'Navigate', run: () => step(1) },
  { id: 'list.previous', title: 'Previous conversation', group: 'Navigate', run: () => step(-1) },
  { id: 'list.first', title: 'First conversation', group: 'Navigate', run: () => useThreadList.getState().select(0) },
  { id: 'thread.open', title: 'Open conversation', group: 'Conversation', run: openSelected },
  { id: 'thread.back', title: 'Back to the list', group: 'Navigate', run: back },
  {
    id: 'customer.focus',
    title: 'Show the customer’s other conversations',
    group: 'Conversation',
    available: () => useOpenThread.getState().detail !== null,
    run: () => focusById(FOCUS.customer),
  },
  { id: 'search.focus', title: 'Search', group: 'Navigate', run: () => focusById(FOCUS.search) },
  { id: 'palette.open', title: 'Command palette', group: 'App', run: () => useUi.getState().setOverlay('palette') },
  { id: 'help.open', title: 'Keyboard shortcuts', group: 'App', run: () => useUi.getState().setOverlay('help') },
  {
    id: 'sync.now',
    title: 'Sync now',
    group: 'App',
    available: () => !useSync.getState().syncing,
    run: () => void useSync.getState().syncNow(),
  },
  {
    id: 'list.sortDue',
    title: 'Sort by due time / by latest',
    group: 'Navigate',
    available: () => useThreadList.getState().source.kind === 'all',
    run: toggleDueSort,
  },
  ...viewActions,
  ...TEAM_ACTIONS,
  ...appActions(() => showView('settings')),
];

/** An action by id. */
export function actionById(id: string): Action | undefined {
  return ACTIONS.find((a) => a.id === id);
}
