import { createKeybindingsHandler } from 'tinykeys';
import { ACTIONS, type Action } from './actions';
import { KEYMAP, type KeyBinding } from './keymap';

/** True when the key press belongs to a text field, so no shortcut may act on it. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/** Keys that still act while typing: chords with Ctrl/Cmd (the palette) and nothing else. */
function worksWhileTyping(keys: string): boolean {
  return keys.startsWith('$mod+');
}

/**
 * Binds the keymap on `target`. A key press in a text field never reaches single-key
 * shortcuts or sequences; an action that is unavailable right now does nothing.
 */
export function bindKeymap(
  target: Window | HTMLElement,
  keymap: readonly KeyBinding[] = KEYMAP,
  actions: readonly Action[] = ACTIONS,
): () => void {
  const map: Record<string, (event: KeyboardEvent) => void> = {};
  const typingMap: Record<string, (event: KeyboardEvent) => void> = {};
  for (const binding of keymap) {
    const action = actions.find((a) => a.id === binding.action);
    if (!action) continue;
    for (const keys of binding.keys) {
      const handler = (event: KeyboardEvent) => {
        if (event.defaultPrevented || (action.available && !action.available())) return;
        event.preventDefault();
        action.run();
      };
      map[keys] = handler;
      if (worksWhileTyping(keys)) typingMap[keys] = handler;
    }
  }
  // Sequences first: tinykeys runs matches in insertion order, and a finished `g o` must
  // claim the press (preventDefault) before the single-key `o` sees it.
  const ordered = Object.fromEntries(
    Object.entries(map).sort(([a], [b]) => Number(b.includes(' ')) - Number(a.includes(' '))),
  );
  const normal = createKeybindingsHandler(ordered);
  const typing = createKeybindingsHandler(typingMap);
  const listener = (event: Event) => {
    // Enter and Space on a button or link press it; they are not shortcuts there.
    const key = (event as KeyboardEvent).key;
    const pressable = event.target instanceof HTMLElement && event.target.closest('button, a, [role="button"]');
    if (pressable && (key === 'Enter' || key === ' ')) return;
    if (isTyping(event.target) || (event.target as HTMLElement | null)?.closest?.('[data-keys-off]')) typing(event);
    else normal(event);
  };
  target.addEventListener('keydown', listener);
  return () => target.removeEventListener('keydown', listener);
}
