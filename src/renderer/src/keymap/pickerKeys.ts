import type { KeyboardEvent } from 'react';

/** What a key does in a picker: close it, highlight another option, or choose the highlighted one. */
export type PickerKeyOutcome = { type: 'close' } | { type: 'move'; index: number } | { type: 'choose'; index: number };

/** Where a picker's highlight is: `index` of `count` options, -1 while the keyboard is elsewhere in the picker. */
export interface PickerPosition {
  index: number;
  count: number;
}

/** How a picker takes its keys. */
export interface PickerKeyOptions {
  /** The keyboard is in a text field: Home and End move its caret, not the highlight. */
  textEntry?: boolean;
  /** Enter chooses only where the picker says so (a focused button or checkbox does its own thing). */
  enterChooses?: boolean;
}

/** Options a PageUp or PageDown skips: pickers are short, so a page is a handful. */
export const PICKER_PAGE = 5;

/**
 * The keys every picker shares: Esc closes; ↑ ↓ move one, PageUp PageDown a page, Home End to
 * either end, never past them; Enter chooses the highlighted option. Any other key, or one held
 * with Ctrl, Alt or ⌘, is left to the picker.
 */
export function pickerKey(
  key: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean },
  at: PickerPosition,
  options: PickerKeyOptions = {},
): PickerKeyOutcome | null {
  if (key.ctrlKey || key.altKey || key.metaKey) return null;
  if (key.key === 'Escape') return { type: 'close' };
  const last = at.count - 1;
  if (last < 0) return null;
  const to = (index: number): PickerKeyOutcome => ({ type: 'move', index: Math.max(0, Math.min(last, index)) });
  // Nothing highlighted yet: the first step down (or up) lands on the first option.
  const from = Math.max(at.index, 0);
  const fresh = at.index < 0;
  switch (key.key) {
    case 'ArrowDown':
      return to(fresh ? 0 : from + 1);
    case 'ArrowUp':
      return to(fresh ? 0 : from - 1);
    case 'PageDown':
      return to(fresh ? 0 : from + PICKER_PAGE);
    case 'PageUp':
      return to(from - PICKER_PAGE);
    case 'Home':
      return options.textEntry ? null : to(0);
    case 'End':
      return options.textEntry ? null : to(last);
    case 'Enter':
      return at.index >= 0 && options.enterChooses !== false ? { type: 'choose', index: at.index } : null;
    default:
      return null;
  }
}

/** What a picker does with an outcome of {@link pickerKey}. */
export interface PickerHandlers {
  close(): void;
  move(index: number): void;
  /** `event` tells, for example, whether Shift was held. */
  choose(index: number, event: KeyboardEvent): void;
}

/**
 * A picker's `onKeyDown`: applies {@link pickerKey} and keeps a handled key from the browser and,
 * for Esc, from the app's own shortcuts behind the picker. Returns whether it handled the key.
 */
export function handlePickerKey(
  event: KeyboardEvent,
  at: PickerPosition,
  handlers: PickerHandlers,
  options: PickerKeyOptions = {},
): boolean {
  const outcome = pickerKey(event, at, options);
  if (!outcome) return false;
  event.preventDefault();
  if (outcome.type === 'close') {
    event.stopPropagation();
    handlers.close();
  } else if (outcome.type === 'move') handlers.move(outcome.index);
  else handlers.choose(outcome.index, event);
  return true;
}
