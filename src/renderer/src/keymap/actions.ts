import { threadAt, useThreadList } from '../stores/list';
import { useOpenThread } from '../stores/thread';
import { useSync } from '../stores/sync';
import { useUi, type ViewId } from '../stores/ui';
import { VIEWS } from '../stores/views';

/** Something a person can do: run from a key, the palette, or a menu. */
export interface Action {
  id: string;
  title: string;
  group: 'Navigate' | 'Conversation' | 'Views' | 'App';
  /** False when the action makes no sense right now (hidden from the palette). */
  available?: () => boolean;
  run: () => void;
}

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

/** Shows a view: the thread list for All, the unreadable list for Could not read. */
export function showView(view: ViewId): void {
  useUi.getState().setView(view);
  useOpenThread.getState().close();
  if (view === 'all' && useThreadList.getState().source.kind !== 'all')
    void useThreadList.getState().setSource({ kind: 'all' });
  focusById(view === 'all' ? FOCUS.list : 'unreadable-list');
}

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

/**
 * Every action that works today. Claim, assign, reply, courtesy reply, close, snooze and
 * note join when their calls exist (their keys are reserved in ARRIVING_KEYMAP).
 */
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
  ...viewActions,
];

/** An action by id. */
export function actionById(id: string): Action | undefined {
  return ACTIONS.find((a) => a.id === id);
}
