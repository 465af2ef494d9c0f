import { useEffect, useRef } from 'react';
import { ACTIONS, type Action } from '../../keymap/actions';
import { displayKeys, KEYMAP, type KeyBinding } from '../../keymap/keymap';
import { ModalDialog } from '../../components/ModalDialog';

/** One row of the help overlay. */
export interface HelpRow {
  group: Action['group'];
  title: string;
  keys: string[];
}

/** The help overlay's rows, generated from the keymap table and the action registry. */
export function helpRows(keymap: readonly KeyBinding[] = KEYMAP, actions: readonly Action[] = ACTIONS): HelpRow[] {
  return keymap.flatMap((binding) => {
    const action = actions.find((a) => a.id === binding.action);
    return action ? [{ group: action.group, title: action.title, keys: binding.keys.map(displayKeys) }] : [];
  });
}

/**
 * `?`: every shortcut, grouped; Esc or `?` closes it and focus returns where it was. The list
 * scrolls between a fixed title and Close, and holds the focus so arrows and Page Down scroll
 * it (`data-keys-off`: the list behind does not move).
 */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => body.current?.focus(), []);
  const rows = helpRows();
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <ModalDialog
      label="Keyboard shortcuts"
      className="help"
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === '?' || e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2>Keyboard shortcuts</h2>
      <div ref={body} className="help-groups" tabIndex={0} role="group" aria-label="Shortcuts by group">
        {groups.map((group) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {rows
                .filter((r) => r.group === group)
                .map((r) => (
                  <div key={r.title} className="help-row">
                    <dt>{r.title}</dt>
                    <dd>
                      {r.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' or '}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </ModalDialog>
  );
}
