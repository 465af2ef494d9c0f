import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTriage } from '../../stores/threads';
import { ageLabel } from './age';

const ROW_HEIGHT = 64;

/** The virtualized list of conversations, newest first; j/k move, Enter opens. */
export function ThreadList() {
  const threads = useTriage((s) => s.threads);
  const selected = useTriage((s) => s.selected);
  const select = useTriage((s) => s.select);
  const openSelected = useTriage((s) => s.openSelected);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: threads.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  useEffect(() => {
    if (threads.length > 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, threads.length, virtualizer]);

  if (threads.length === 0) {
    return <p className="empty">No conversations yet. Press Sync to fetch mail.</p>;
  }
  const now = Date.now();
  return (
    <div
      ref={parent}
      className="thread-list"
      role="listbox"
      aria-label="Conversations"
      aria-activedescendant={`thread-${threads[selected]?.id ?? ''}`}
      tabIndex={0}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const t = threads[item.index];
          if (!t) return null;
          return (
            <div
              key={t.id}
              id={`thread-${t.id}`}
              role="option"
              aria-selected={item.index === selected}
              className={`thread-row${item.index === selected ? ' selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              data-thread-key={t.key}
              onClick={() => select(item.index)}
              onDoubleClick={() => void openSelected()}
            >
              <div className="row-top">
                <span className="sender">{t.from.name || t.from.address}</span>
                {t.messageCount > 1 && <span className="count">{t.messageCount}</span>}
                {t.hasAttachments && (
                  <span className="attachment" role="img" aria-label="has attachments" title="Has attachments">
                    ⎘
                  </span>
                )}
                <time className="age" dateTime={new Date(t.lastMessageAt).toISOString()}>
                  {ageLabel(t.lastMessageAt, now)}
                </time>
              </div>
              <div className="subject">{t.subject || '(no subject)'}</div>
              <div className="snippet">{t.snippet}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
