import { useEffect, useRef, useState } from 'react';
import { Command } from 'cmdk';
import type { ThreadSummary } from '../../../../shared/types';
import { hasWords } from '../../../../shared/searchQuery';
import { searchThreads } from '../../stores/search';
import { listSavedReplies } from '../savedReplies/savedRepliesStore';
import { ACTIONS, FOCUS, focusById, type Action } from '../../keymap/actions';
import { displayKeys, keysFor } from '../../keymap/keymap';
import { useThreadList } from '../../stores/list';
import { useOpenThread } from '../../stores/thread';
import { useUi } from '../../stores/ui';
import type { Template } from '../../../../shared/outbox';
import { composerTakesInserts, requestInsert } from '../savedReplies/insertRequests';

/** How long typing must pause before the palette asks the service for matching threads. */
export const THREAD_SEARCH_DEBOUNCE_MS = 120;

/** Threads whose subject matches what was typed, via `threads.search` (subject: terms). */
export function subjectQuery(text: string): string | null {
  const words = text.trim().split(/\s+/).filter(hasWords);
  return words.length === 0 ? null : words.map((w) => `subject:"${w.replace(/"/g, '')}"`).join(' ');
}

/**
 * How well a palette entry matches what was typed: every typed word must begin a word of the
 * entry's title or id. cmdk's default fuzzy match let "connect" pick "Select … conversation"
 * (its letters appear in order) ahead of "Connect mailbox…". Entries that start with the first
 * typed word come first.
 */
export function paletteScore(value: string, search: string, keywords: readonly string[] = []): number {
  const typed = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (typed.length === 0) return 1;
  const words = [value, ...keywords]
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!typed.every((t) => words.some((w) => w.startsWith(t)))) return 0;
  return words[0]?.startsWith(typed[0]!) ? 1 : 0.5;
}

/**
 * Cmd/Ctrl+K: every available action, every view, and conversations by subject. Enter runs
 * the highlighted entry; Esc closes and returns focus to where it was.
 */
export function Palette({ actions = ACTIONS }: { actions?: readonly Action[] }) {
  const [text, setText] = useState('');
  const [threads, setThreads] = useState<ThreadSummary[]>([]);
  const [saved, setSaved] = useState<Template[]>([]);
  const before = useRef<HTMLElement | null>(null);
  const close = () => useUi.getState().setOverlay('none');

  useEffect(() => {
    before.current = document.activeElement as HTMLElement | null;
    return () => before.current?.focus();
  }, []);

  useEffect(() => {
    if (!composerTakesInserts()) return;
    let live = true;
    listSavedReplies().then(
      (list) => live && setSaved(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const query = subjectQuery(text);
    if (query === null) {
      setThreads([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      searchThreads(query, 8)
        .then((found) => live && setThreads(found))
        .catch(() => live && setThreads([]));
    }, THREAD_SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  function run(action: Action) {
    before.current = null;
    close();
    action.run();
  }

  function jump(thread: ThreadSummary) {
    before.current = null;
    close();
    useThreadList.getState().selectById(thread.id);
    void useOpenThread.getState().open(thread.id);
    focusById(FOCUS.thread);
  }

  const usable = actions.filter((a) => a.id !== 'palette.open' && (!a.available || a.available()));
  const groups = [...new Set(usable.map((a) => a.group))];
  return (
    <div className="overlay" onMouseDown={close}>
      <div
        className="dialog palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <Command
          label="Command palette"
          loop
          filter={paletteScore}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        >
          <Command.Input
            autoFocus
            value={text}
            onValueChange={setText}
            placeholder="Type a command, a view, or a subject…"
            aria-label="Command or conversation"
          />
          <Command.List aria-label="Commands and conversations">
            <Command.Empty>Nothing matches.</Command.Empty>
            {groups.map((group) => (
              <Command.Group key={group} heading={group}>
                {usable
                  .filter((a) => a.group === group)
                  .map((a) => (
                    <Command.Item key={a.id} value={a.title} keywords={[a.id]} onSelect={() => run(a)}>
                      <span>{a.title}</span>
                      {keysFor(a.id)[0] && <kbd>{displayKeys(keysFor(a.id)[0] ?? '')}</kbd>}
                    </Command.Item>
                  ))}
              </Command.Group>
            ))}
            {saved.length > 0 && (
              <Command.Group heading="Insert a saved reply">
                {saved.map((t) => (
                  <Command.Item
                    key={t.id}
                    value={`Insert saved reply ${t.name}`}
                    onSelect={() => {
                      close(); // focus goes back to the composer, then the text lands at its caret
                      requestInsert(t.body);
                    }}
                  >
                    <span>Insert saved reply: {t.name}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            )}
            {threads.length > 0 && (
              <Command.Group heading="Conversations" forceMount>
                {threads.map((t) => (
                  <Command.Item key={t.id} value={`thread-${t.id} ${t.subject}`} forceMount onSelect={() => jump(t)}>
                    <span>{t.subject || '(no subject)'}</span>
                    <span className="muted">{t.from.name || t.from.address}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            )}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}
