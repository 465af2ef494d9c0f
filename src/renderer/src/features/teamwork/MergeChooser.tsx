import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { rowById } from './triage';
import { mergeInto } from './threadFixes';
import { handlePickerKey } from '../../keymap/pickerKeys';
import { ModalDialog } from '../../components/ModalDialog';
import './teamwork.css';

/** Props of {@link MergeChooser}. */
export interface MergeChooserProps {
  /** The conversations to merge (two or more). */
  threadIds: number[];
  onClose(): void;
}

/**
 * Shift+M: which of the selected conversations survives. Arrows choose, Enter merges the others
 * into it, Esc closes. The survivor keeps its subject and owner (team/merge.ts has the rules).
 */
export function MergeChooser({ threadIds, onClose }: MergeChooserProps) {
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const rows = threadIds.map((id) => ({ id, row: rowById(id) }));
  const current = rows[Math.min(index, rows.length - 1)];

  useEffect(() => list.current?.focus(), []);

  async function choose(survivorId: number) {
    setBusy(true);
    const ok = await mergeInto(threadIds, survivorId);
    setBusy(false);
    if (ok) onClose();
  }

  function onKeyDown(e: KeyboardEvent) {
    handlePickerKey(
      e,
      { index: Math.min(index, rows.length - 1), count: rows.length },
      {
        close: onClose,
        move: setIndex,
        choose: (i) => {
          const survivor = rows[i];
          if (survivor && !busy) void choose(survivor.id);
        },
      },
      // On a button, Enter presses that button (Cancel cancels).
      { enterChooses: !(e.target instanceof HTMLButtonElement) },
    );
  }

  const listId = 'merge-survivor-list';
  return (
    <ModalDialog className="tw-picker" label="Merge conversations" onClose={onClose} onKeyDown={onKeyDown}>
      <h2>Merge {threadIds.length} conversations</h2>
      <p className="muted">Which one stays? The others join it with their messages, notes and promises.</p>
      <ul
        ref={list}
        id={listId}
        role="listbox"
        tabIndex={0}
        aria-label="Conversation that stays"
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        className="tw-options"
      >
        {rows.map(({ id, row }) => (
          <li
            key={id}
            id={`${listId}-${id}`}
            role="option"
            aria-selected={id === current?.id}
            className={id === current?.id ? 'selected' : ''}
            onClick={() => void choose(id)}
          >
            <span>{row?.subject || '(no subject)'}</span>{' '}
            <span className="muted">
              {row ? `${row.from.name || row.from.address} · ${messages(row.messageCount)}` : ''}
              {row?.team.ownerName ? ` · ${row.team.ownerName}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted tw-hint">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> merges into it · <kbd>Esc</kbd> closes · <kbd>z</kbd> undoes
      </p>
      <div className="tw-buttons">
        <button type="button" disabled={busy || !current} onClick={() => current && void choose(current.id)}>
          Merge into the highlighted one
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

function messages(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}
