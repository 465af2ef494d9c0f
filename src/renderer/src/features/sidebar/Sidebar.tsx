import { displayKeys } from '../../keymap/keymap';
import { showView } from '../../keymap/actions';
import { useUi } from '../../stores/ui';
import { useViewCounts, VIEWS } from '../../stores/views';

/** The views, each with its live count and its `g` shortcut. */
export function Sidebar() {
  const view = useUi((s) => s.view);
  const counts = useViewCounts((s) => s.counts);
  return (
    <nav className="sidebar" aria-label="Views">
      <ul>
        {VIEWS.map((v) => {
          const count = counts[v.id];
          const shown = count ? `${count.value}${count.more ? '+' : ''}` : '';
          return (
            <li key={v.id}>
              <button
                type="button"
                className={`view${view === v.id ? ' current' : ''}`}
                aria-current={view === v.id ? 'page' : undefined}
                aria-label={`${v.label}${shown ? `, ${shown}` : ''} (${displayKeys(v.keys)})`}
                onClick={() => showView(v.id)}
              >
                <span>{v.label}</span>
                {shown && <span className="view-count">{shown}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
