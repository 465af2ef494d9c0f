import { TEAM_ACTIONS } from './actions';
import type { KeyBinding } from './types';

export type { KeyBinding } from './types';
import { teamKeymap } from '../features/teamwork/actions';

/** Default bindings, following Gmail/Superhuman habits (docs/PRODUCT.md, "Triage from the keyboard"). */
export const KEYMAP: readonly KeyBinding[] = [
  { action: 'list.next', keys: ['j'] },
  { action: 'list.previous', keys: ['k'] },
  { action: 'thread.open', keys: ['Enter', 'o'] },
  { action: 'thread.back', keys: ['Escape', 'u'] },
  { action: 'search.focus', keys: ['/'] },
  { action: 'palette.open', keys: ['$mod+k'] },
  { action: 'help.open', keys: ['Shift+?'] },
  { action: 'view.all', keys: ['g a', 'g i'] },
  { action: 'view.unreadable', keys: ['g x'] },
  { action: 'sync.now', keys: ['Shift+S'] },
  { action: 'list.first', keys: ['Home'] },
  { action: 'list.last', keys: ['End'] },
  { action: 'list.pageDown', keys: ['PageDown'] },
  { action: 'list.pageUp', keys: ['PageUp'] },
  { action: 'customer.focus', keys: ['Shift+C'] },
  { action: 'list.sortDue', keys: ['Shift+D'] },
  ...teamKeymap(TEAM_ACTIONS),
];

const MAC = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A binding as a person reads it: `$mod+k` → `Ctrl K` (or `⌘ K`), `Shift+?` → `?`, `g a` → `g then a`. */
export function displayKeys(keys: string): string {
  return keys
    .split(' ')
    .map((press) =>
      press
        .replace('$mod+', MAC ? '⌘ ' : 'Ctrl ')
        .replace(/^Shift\+\?$/, '?')
        .replace(/^Shift\+/, 'Shift ')
        .replace('Escape', 'Esc')
        .replace('ArrowDown', '↓')
        .replace('ArrowUp', '↑'),
    )
    .join(' then ');
}

/** The keys bound to an action, for hints ("j", "Enter"). */
export function keysFor(action: string, keymap: readonly KeyBinding[] = KEYMAP): string[] {
  return keymap.find((b) => b.action === action)?.keys ?? [];
}
