import { useMemo, useState, type KeyboardEvent } from 'react';
import { parseSearchQuery } from '../../../../shared/searchQuery';
import { FOCUS, focusById, showView } from '../../keymap/actions';
import { threadAt, useThreadList } from '../../stores/list';
import { useUi } from '../../stores/ui';
import { currentWord, suggest, type Suggestion } from './suggest';

/** Recent senders from the loaded rows, for `from:` completion. */
function recentSenders(): string[] {
  const list = useThreadList.getState();
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(list.count, 300); i += 1) {
    const address = threadAt(list, i)?.from.address;
    if (address) seen.add(address.toLowerCase());
  }
  return [...seen];
}

/** The search box: `/` focuses it, operators complete as they are typed, Enter searches. */
export function SearchBox() {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const setSource = useThreadList((s) => s.setSource);
  const listError = useThreadList((s) => (s.source.kind === 'search' ? s.error : null));
  const parsed = useMemo(() => parseSearchQuery(text), [text]);
  const { start, word } = currentWord(text, caret);
  const suggestions: Suggestion[] = useMemo(
    () => (dismissed ? [] : suggest(word, new Date(), word.includes(':') ? recentSenders() : [])),
    [word, dismissed],
  );
  const open = suggestions.length > 0;

  function apply(s: Suggestion) {
    const next = text.slice(0, start) + s.insert + text.slice(caret);
    setText(next);
    setCaret(start + s.insert.length);
    setActive(0);
  }

  function run() {
    const query = text.trim();
    if (query === '') {
      showView('all');
      return;
    }
    if (!parsed.ok) return;
    useUi.getState().setView('all');
    void setSource({ kind: 'search', query });
    focusById(FOCUS.list);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const pick = suggestions[active];
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + delta + suggestions.length) % suggestions.length);
    } else if (open && pick && (event.key === 'Tab' || event.key === 'Enter') && !event.shiftKey) {
      event.preventDefault();
      apply(pick);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open) setDismissed(true);
      else {
        setText('');
        focusById(FOCUS.list);
        if (useThreadList.getState().source.kind === 'search') showView('all');
      }
    }
  }

  const errorId = 'search-error';
  const problem = parsed.ok ? listError : parsed.error.message;
  return (
    <div className="search" role="search">
      <input
        id={FOCUS.search}
        type="search"
        placeholder="Search   from:  to:  subject:  after:  has:attachment"
        aria-label="Search mail (press / to focus)"
        role="combobox"
        aria-expanded={open}
        aria-controls="search-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={open ? `suggestion-${active}` : undefined}
        aria-describedby={problem ? errorId : undefined}
        aria-invalid={!parsed.ok}
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setActive(0);
          setDismissed(false);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        onBlur={() => setDismissed(true)}
        onFocus={() => setDismissed(false)}
      />
      {open && (
        <ul id="search-suggestions" role="listbox" className="suggestions" aria-label="Search suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s.label}
              id={`suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                apply(s);
              }}
            >
              <code>{s.label}</code> <span className="muted">{s.hint}</span>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <div id={errorId} className="search-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
