import { api } from '../api';
import { useApp } from '../features/onboarding/appStore';
import { actionById, FOCUS, focusById } from '../keymap/actions';
import { useThreadList } from './list';
import { useSync } from './sync';
import { useOpenThread } from './thread';
import { useViewCounts } from './views';
import { coalesce } from './coalesce';

/** At most one list of unreadable messages every this often while threads keep changing. */
export const UNREADABLE_MIN_GAP_MS = 2000;

/** The All count as the list knows it: exact once the last page was seen, else "n+". */
function allCount(): { value: number; more: boolean } | null {
  const list = useThreadList.getState();
  if (list.source.kind !== 'all') return null;
  if (list.total !== null) return { value: list.total, more: false };
  const loaded = Object.values(list.pages).reduce((n, rows) => n + rows.length, 0);
  return loaded > 0 ? { value: loaded, more: true } : null;
}

/** Subscribes the stores to the service's events; returns the unsubscribe. */
export function listenToService(): () => void {
  const unreadable = coalesce(() => useViewCounts.getState().refresh(allCount), UNREADABLE_MIN_GAP_MS);
  const offs = [
    api.on('threads.changed', ({ threadIds }) => {
      void useThreadList.getState().reload();
      void useOpenThread.getState().refresh(threadIds);
      unreadable.request();
    }),
    useThreadList.subscribe((s, prev) => {
      if (s.total !== prev.total || s.pages !== prev.pages) {
        const all = allCount();
        if (all) useViewCounts.setState((v) => ({ counts: { ...v.counts, all } }));
      }
    }),
  ];
  return () => {
    unreadable.stop();
    offs.forEach((off) => off());
  };
}

/** What the desktop shell asks for: open a thread (tray, notification) or run a menu action. */
const MENU_ACTIONS: Record<string, string> = {
  sync: 'sync.now',
  search: 'search.focus',
  commandPalette: 'palette.open',
  claim: 'thread.claim',
  reply: 'reply.new',
  courtesyReply: 'reply.courtesy',
  close: 'thread.close',
  snooze: 'thread.snooze',
};

/** Runs what the desktop shell asks for (menu, tray, notification); returns the unsubscribe. */
export function listenToShell(): () => void {
  const offs = [
    api.on('app.menuAction', ({ action }) => {
      const found = actionById(MENU_ACTIONS[action] ?? action);
      if (found && (found.available?.() ?? true)) found.run();
    }),
    api.on('app.openThread', ({ threadKey }) => {
      const list = useThreadList.getState();
      for (const rows of Object.values(list.pages)) {
        const hit = rows.find((t) => t.key === threadKey);
        if (hit) {
          list.selectById(hit.id);
          void useOpenThread.getState().open(hit.id);
          focusById(FOCUS.thread);
          return;
        }
      }
    }),
  ];
  return () => offs.forEach((off) => off());
}

/** Sync progress, sync errors and the connection state, from the start (before the mailbox is open). */
export function listenToSyncState(): () => void {
  const offs = [
    api.on('sync.progress', (p) => useSync.getState().onProgress(p)),
    api.on('sync.error', (e) => useSync.getState().onError(e)),
    api.on('connection.changed', (c) => useApp.getState().setConnection(c)),
  ];
  return () => offs.forEach((off) => off());
}
