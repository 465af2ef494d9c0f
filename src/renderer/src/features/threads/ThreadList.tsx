import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { FOCUS } from '../../keymap/actions';
import { threadAt, useThreadList } from '../../stores/list';
import { useOpenThread } from '../../stores/thread';
import { highlightTerms, termMatcher } from '../search/highlight';
import { ThreadRow } from './ThreadRow';
import { emptyViewText, viewHeader } from './viewWords';
import { loadDueSoonWindow } from '../teamwork/policyStore';
import { useSearchCoverage, watchSearchCoverage } from '../../stores/searchCoverage';
import type { DueSoonWindow } from '../../../../shared/policy';

/** Row height in px; fixed so 100k rows cost nothing to measure. */
export const ROW_HEIGHT = 62;

/**
 * The virtualized conversation list. Only visible rows exist in the DOM; pages of rows are
 * fetched as they scroll into view. The list is one focus stop (aria-activedescendant).
 */
export function ThreadList() {
  const count = useThreadList((s) => s.count);
  const pages = useThreadList((s) => s.pages);
  const selected = useThreadList((s) => s.selectedIndex);
  const source = useThreadList((s) => s.source);
  const loading = useThreadList((s) => s.loading);
  const error = useThreadList((s) => s.error);
  const select = useThreadList((s) => s.select);
  const ensure = useThreadList((s) => s.ensure);
  const openId = useOpenThread((s) => s.openId);
  const open = useOpenThread((s) => s.open);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Render a screenful at once, before the first measurement (no blank first frame).
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) void ensure(first, last);
  }, [first, last, count, ensure]);
  useEffect(() => {
    if (count > 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, count, virtualizer]);

  const matcher = useMemo(
    () => (source.kind === 'search' ? termMatcher(highlightTerms(source.query)) : null),
    [source],
  );
  const onPick = useCallback(
    (index: number) => {
      select(index);
      const thread = threadAt(useThreadList.getState(), index);
      if (thread) void open(thread.id);
    },
    [select, open],
  );

  const sortedByDue =
    source.kind === 'all' &&
    (source.sort ?? (['due', 'overdue', 'promised'].includes(source.view ?? 'all') ? 'due' : 'recent')) === 'due';
  const label =
    source.kind === 'search'
      ? `Search results for ${source.query}`
      : `Conversations, ${sortedByDue ? 'most urgent first' : 'latest first'}`;
  const view = source.kind === 'all' ? (source.view ?? 'all') : null;
  const lead = useDueWindow(view === 'due');
  const header = view ? viewHeader(view, lead) : null;
  const indexing = useIndexingNotice(source.kind === 'search');
  const emptyText = loading
    ? 'Loading…'
    : (error ?? (view === null ? 'Nothing matches this search.' : emptyViewText(view, lead)));
  // Rounded to the minute so rows stay memoized between renders.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  // The header and the empty state sit outside the listbox: a listbox holds options only.
  return (
    <>
      {header && (
        <p className="view-header" role="note">
          {header}
        </p>
      )}
      {indexing && (
        <p className="search-indexing" role="status">
          {indexing}
        </p>
      )}
      {count === 0 && (
        <p className="empty" role="status">
          {emptyText}
        </p>
      )}
      <div
        ref={parent}
        id={FOCUS.list}
        className="thread-list"
        role="listbox"
        aria-label={label}
        aria-activedescendant={count > 0 ? `thread-${selected}` : undefined}
        aria-busy={loading}
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            useThreadList.getState().move(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const thread = threadAt({ pages }, item.index);
            return (
              <ThreadRow
                key={thread?.id ?? `p${item.index}`}
                thread={thread}
                index={item.index}
                selected={item.index === selected}
                open={thread !== undefined && thread.id === openId}
                top={item.start}
                height={ROW_HEIGHT}
                now={now}
                matcher={matcher}
                onPick={onPick}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}

/** "Still indexing: …" while search results are shown and some mail is not searchable yet. */
function useIndexingNotice(searching: boolean): string | null {
  const notice = useSearchCoverage((s) => s.notice);
  useEffect(() => (searching ? watchSearchCoverage() : undefined), [searching]);
  return searching ? notice : null;
}

/** The team's Due soon window (`views.dueSoon`), fetched when the Due soon view shows. */
function useDueWindow(wanted: boolean): DueSoonWindow | null {
  const [window, setWindow] = useState<DueSoonWindow | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadDueSoonWindow()
      .then((w) => live && setWindow(w))
      .catch(() => live && setWindow(null));
    return () => {
      live = false;
    };
  }, [wanted]);
  return window;
}
