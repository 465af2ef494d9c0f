import { NOTE_INPUT_ID } from './ids';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Teammate } from '../../../../shared/teamEvents';
import { actOn } from './act';
import './teamwork.css';

/** The id `n` focuses. */

/** The "@word" being typed just before the caret, if any. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\w.+-]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: (match[2] ?? '').toLowerCase() };
}

/** How a mention is written so the service recognises it: `@` and the address's local part. */
export function mentionToken(mate: Teammate): string {
  return `@${mate.address.split('@')[0] ?? mate.address}`;
}

/**
 * The note box: teammates see notes, customers never do. Cmd/Ctrl+Enter adds; typing `@`
 * suggests teammates (↑/↓ to choose, Enter or Tab to insert).
 */
export function NoteComposer({ threadId, teammates }: { threadId: number; teammates: readonly Teammate[] }) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [pick, setPick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes after an inserted mention, placed as soon as React has written the text.
  const nextCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (nextCaret.current === null) return;
    box.current?.setSelectionRange(nextCaret.current, nextCaret.current);
    nextCaret.current = null;
  });

  const mention = mentionAt(text, caret);
  const suggestions = useMemo(() => {
    if (!mention) return [];
    const q = mention.query;
    return teammates
      .filter((t) => !q || t.name.toLowerCase().includes(q) || t.address.toLowerCase().startsWith(q))
      .slice(0, 6);
  }, [mention, teammates]);

  function insert(mate: Teammate) {
    if (!mention) return;
    const token = `${mentionToken(mate)} `;
    const next = text.slice(0, mention.start) + token + text.slice(caret);
    const at = mention.start + token.length;
    setText(next);
    setCaret(at);
    setPick(0);
    nextCaret.current = at;
  }

  async function add() {
    if (!text.trim()) {
      setProblem('A note needs some text.');
      return;
    }
    setBusy(true);
    const ok = await actOn(threadId, { type: 'note', text });
    setBusy(false);
    if (ok) {
      setText('');
      setCaret(0);
      setProblem(null);
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      if (!busy) void add();
      return;
    }
    if (suggestions.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const delta = e.key === 'ArrowDown' ? 1 : -1;
        setPick((p) => (p + delta + suggestions.length) % suggestions.length);
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const mate = suggestions[Math.min(pick, suggestions.length - 1)];
        if (mate) insert(mate);
      }
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      box.current?.blur();
    }
  }

  const listId = `mentions-${threadId}`;
  return (
    <form
      className="tw-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <label htmlFor={NOTE_INPUT_ID} className="tw-label">
        Add a note for the team (customers never see it)
      </label>
      <textarea
        id={NOTE_INPUT_ID}
        ref={box}
        rows={3}
        value={text}
        placeholder="Write a note… @name mentions a teammate"
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
          setPick(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        aria-autocomplete="list"
        aria-controls={suggestions.length > 0 ? listId : undefined}
        aria-invalid={problem ? true : undefined}
      />
      {suggestions.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Mention a teammate" className="tw-options tw-mentions">
          {suggestions.map((t, i) => (
            <li
              key={t.address}
              role="option"
              aria-selected={i === pick}
              className={i === pick ? 'selected' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(t);
              }}
            >
              {t.name || t.address} <span className="muted">{mentionToken(t)}</span>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="tw-error">
          {problem}
        </p>
      )}
      <div className="tw-buttons">
        <button type="submit" disabled={busy}>
          Add note
        </button>
        <span className="muted tw-hint">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>Enter</kbd>
        </span>
      </div>
    </form>
  );
}
