import { useEffect } from 'react';
import { displayKeys } from '../../keymap/keymap';
import { showView } from '../../keymap/actions';
import { useUi, type ViewId } from '../../stores/ui';
import { useViewCounts, VIEWS } from '../../stores/views';
import { OutboxBadge, TEAM_VIEWS, useCounts, useOutboxAttention } from '../teamwork';

interface Entry {
  id: ViewId;
  label: string;
  keys: string;
}

/** The sidebar in docs/PRODUCT.md's order: team views, All, Outbox, Could not read, then screens. */
const ORDER: readonly ViewId[] = [
  'mine',
  'unassigned',
  'due',
  'overdue',
  'promised',
  'waiting',
  'closed',
  'all',
  'outbox',
  'unreadable',
  'dashboard',
  'settings',
];

function entries(): Entry[] {
  const all: Entry[] = [...VIEWS, ...TEAM_VIEWS.map((v) => ({ id: v.id as ViewId, label: v.label, keys: v.keys }))];
  return ORDER.flatMap((id) => all.filter((e) => e.id === id));
}

/** The views, each with its live count and its `g` shortcut. */
export function Sidebar() {
  const view = useUi((s) => s.view);
  const counts = useViewCounts((s) => s.counts);
  const teamCounts = useCounts((s) => s.counts);
  const attention = useOutboxAttention();
  // In a narrow window the views are one sideways-scrolling row: keep the current one in sight,
  // also when counts arriving make the entries before it wider.
  useEffect(() => {
    document.querySelector('.sidebar .current')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [view, counts, teamCounts, attention]);
  return (
    <nav className="sidebar" aria-label="Views">
      <ul>
        {entries().map((v) => {
          const team = teamCounts?.[v.id as keyof typeof teamCounts];
          const count = typeof team === 'number' ? { value: team, more: false } : counts[v.id];
          const shown = count ? `${count.value}${count.more ? '+' : ''}` : '';
          // The Outbox's badge is part of its name too: "Outbox 1 needs attention".
          const badge = v.id === 'outbox' && attention > 0 ? ` ${attention} needs attention` : '';
          return (
            <li key={v.id}>
              <button
                type="button"
                className={`view${view === v.id ? ' current' : ''}`}
                aria-current={view === v.id ? 'page' : undefined}
                aria-label={`${v.label}${shown ? `, ${shown}` : ''}${badge} (${displayKeys(v.keys)})`}
                onClick={() => showView(v.id)}
              >
                <span className="view-label">{v.label}</span>
                {/* The space keeps "Mine 56" apart in the text a screen reader compares with the label. */}
                {shown && <span className="view-count"> {shown}</span>}
                {v.id === 'outbox' && (
                  <>
                    {' '}
                    <OutboxBadge />
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
