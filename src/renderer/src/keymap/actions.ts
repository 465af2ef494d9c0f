import { threadAt, useThreadList } from '../stores/list';
import { useOpenThread } from '../stores/thread';
import { useSync } from '../stores/sync';
import { useUi, type ViewId } from '../stores/ui';
import { VIEWS } from '../stores/views';
import type { View } from '../../../shared/team';
import { teamActions, type TeamKeyAction } from '../features/teamwork/actions';
import { appActions } from '../features/onboarding/appActions';
import type { Action } from './types';
import { FOCUS } from './focusIds';

export type { Action } from './types';

/** Focuses an element by id on the next frame, after React has rendered it. */
export function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export { FOCUS };

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
const LIST_VIEWS: readonly View[] = ['all', 'mine', 'unassigned', 'due', 'overdue', 'promised', 'waiting', 'closed'];

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

/** Opens a conversation in the pane unless it is open already (r, c, n on a highlighted row). */
async function openThread(id: number): Promise<void> {
  if (useOpenThread.getState().openId === id && useOpenThread.getState().detail) return;
  useThreadList.getState().selectById(id);
  await useOpenThread.getState().open(id);
}

/** Moves the highlight to a row, reading it when a conversation is open (like j/k). */
function jump(index: number): void {
  const list = useThreadList.getState();
  if (list.count === 0) return;
  step(Math.max(0, Math.min(list.count - 1, index)) - list.selectedIndex);
}

/** Rows a page key moves: what fits in the list's box (rows are the same height). */
function pageRows(): number {
  const list = document.getElementById(FOCUS.list);
  const row = list?.querySelector<HTMLElement>('.thread-row');
  const rows = list && row && row.offsetHeight > 0 ? Math.floor(list.clientHeight / row.offsetHeight) : 10;
  return Math.max(1, rows - 1);
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
export const TEAM_ACTIONS: readonly TeamKeyAction[] = teamActions({ threadId: currentThreadId, showView, openThread });

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
  { id: 'list.first', title: 'First conversation', group: 'Navigate', run: () => jump(0) },
  {
    id: 'list.last',
    title: 'Last conversation',
    group: 'Navigate',
    run: () => jump(useThreadList.getState().count - 1),
  },
  { id: 'list.pageDown', title: 'A page down', group: 'Navigate', run: () => step(pageRows()) },
  { id: 'list.pageUp', title: 'A page up', group: 'Navigate', run: () => step(-pageRows()) },
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
