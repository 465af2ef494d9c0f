import { useEffect, useMemo, useRef, useState } from 'react';
import type { ThreadTeamView } from '../../../../shared/team';
import { nameOf, useRoster } from './stores';
import { moveOut } from './triage';
import { handlePickerKey } from '../../keymap/pickerKeys';
import { ModalDialog } from '../../components/ModalDialog';
import './teamwork.css';

/** Props of {@link AssignPicker}. */
export interface AssignPickerProps {
  threadId: number;
  /** Every thread to act on (the marked rows); default: just `threadId`. */
  threadIds?: number[];
  /** The thread's current team state (to offer Release only when someone owns it). */
  team?: ThreadTeamView | null;
  onClose(): void;
}

/**
 * Shift+A: the roster, filtered as you type. Enter assigns the highlighted teammate,
 * Shift+Enter offers a handoff (the thread stays with its owner until accepted), Esc closes.
 */
export function AssignPicker({ threadId, threadIds = [threadId], team = null, onClose }: AssignPickerProps) {
  const teammates = useRoster((s) => s.teammates);
  const loaded = useRoster((s) => s.loaded);
  const [filter, setFilter] = useState('');
  const [index, setIndex] = useState(0);
  const [handoff, setHandoff] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (!loaded) void useRoster.getState().load();
  }, [loaded]);

  const matches = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return teammates.filter((t) => !q || t.name.toLowerCase().includes(q) || t.address.includes(q));
  }, [teammates, filter]);
  const current = matches[Math.min(index, matches.length - 1)];

  async function choose(address: string, asHandoff: boolean) {
    setBusy(true);
    const ok = await moveOut(
      threadIds,
      asHandoff ? { type: 'handoff', to: address, message: '' } : { type: 'assign', to: address },
      nameOf(teammates, address),
    );
    setBusy(false);
    if (ok) onClose();
  }

  async function release() {
    setBusy(true);
    const ok = await moveOut(threadIds, { type: 'release' });
    setBusy(false);
    if (ok) onClose();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const inFilter = e.target instanceof HTMLInputElement && e.target.type === 'text';
    handlePickerKey(
      e,
      { index: Math.min(index, matches.length - 1), count: matches.length },
      {
        close: onClose,
        move: setIndex,
        choose: (i, key) => {
          const teammate = matches[i];
          if (teammate && !busy) void choose(teammate.address, handoff || key.shiftKey);
        },
      },
      // Home and End stay with the filter's caret; Enter on the checkbox or a button is theirs.
      { textEntry: inFilter, enterChooses: inFilter },
    );
  }

  const listId = `assign-list-${threadId}`;
  return (
    <ModalDialog className="tw-picker" label="Assign conversation" onClose={onClose} onKeyDown={onKeyDown}>
      <h2>
        {handoff ? 'Hand off' : 'Assign'}
        {threadIds.length > 1 ? ` ${threadIds.length} conversations` : ''} to…
      </h2>
      <input
        ref={input}
        type="text"
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setIndex(0);
        }}
        placeholder="Type a name or address"
        aria-label="Filter teammates"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current.address}` : undefined}
      />
      <ul id={listId} role="listbox" aria-label="Teammates" className="tw-options">
        {matches.map((t) => (
          <li
            key={t.address}
            id={`${listId}-${t.address}`}
            role="option"
            aria-selected={t === current}
            className={t === current ? 'selected' : ''}
            onClick={() => void choose(t.address, handoff)}
          >
            <span>{t.name || t.address}</span> <span className="muted">{t.address}</span>
            {team?.owner === t.address && <span className="muted"> (owner)</span>}
          </li>
        ))}
        {loaded && matches.length === 0 && <li className="muted">No teammate matches.</li>}
      </ul>
      <label className="tw-check">
        <input type="checkbox" checked={handoff} onChange={(e) => setHandoff(e.target.checked)} />
        Hand off (pending until accepted)
      </label>
      <p className="muted tw-hint">
        <kbd>Enter</kbd> assigns · <kbd>Shift</kbd> <kbd>Enter</kbd> hands off · <kbd>Esc</kbd> closes
      </p>
      <div className="tw-buttons">
        <button
          type="button"
          onClick={() => void release()}
          disabled={busy || (threadIds.length === 1 && !team?.owner)}
        >
          Release (no owner)
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
