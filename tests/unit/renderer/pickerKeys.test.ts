import { describe, expect, it, vi } from 'vitest';
import type { KeyboardEvent } from 'react';
import { handlePickerKey, PICKER_PAGE, pickerKey } from '../../../src/renderer/src/keymap/pickerKeys';

const press = (key: string, index: number, count = 8, options = {}) => pickerKey({ key }, { index, count }, options);
const movedTo = (index: number) => ({ type: 'move', index });

describe('the keys every picker shares', () => {
  it('Esc closes, also when there is nothing to choose', () => {
    expect(press('Escape', 3)).toEqual({ type: 'close' });
    expect(press('Escape', -1, 0)).toEqual({ type: 'close' });
  });

  it('the arrows move one option and stop at either end', () => {
    expect(press('ArrowDown', 3)).toEqual(movedTo(4));
    expect(press('ArrowUp', 3)).toEqual(movedTo(2));
    expect(press('ArrowDown', 7)).toEqual(movedTo(7));
    expect(press('ArrowUp', 0)).toEqual(movedTo(0));
  });

  it('PageUp and PageDown move a page, clamped; Home and End go to the ends', () => {
    expect(press('PageDown', 1)).toEqual(movedTo(1 + PICKER_PAGE));
    expect(press('PageDown', 6)).toEqual(movedTo(7));
    expect(press('PageUp', 6)).toEqual(movedTo(6 - PICKER_PAGE));
    expect(press('PageUp', 2)).toEqual(movedTo(0));
    expect(press('Home', 5)).toEqual(movedTo(0));
    expect(press('End', 2)).toEqual(movedTo(7));
  });

  it('with nothing highlighted yet, the first move lands on the first option', () => {
    for (const key of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home'])
      expect(press(key, -1)).toEqual(movedTo(0));
    expect(press('End', -1)).toEqual(movedTo(7));
  });

  it('Enter chooses the highlighted option, and nothing when none is', () => {
    expect(press('Enter', 4)).toEqual({ type: 'choose', index: 4 });
    expect(press('Enter', -1)).toBeNull();
    expect(press('Enter', -1, 0)).toBeNull();
  });

  it('an empty list only closes', () => {
    for (const key of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', 'Enter'])
      expect(press(key, -1, 0)).toBeNull();
  });

  it('in a text field Home and End move the caret; where Enter is not the picker’s it is left alone', () => {
    expect(press('Home', 3, 8, { textEntry: true })).toBeNull();
    expect(press('End', 3, 8, { textEntry: true })).toBeNull();
    expect(press('ArrowDown', 3, 8, { textEntry: true })).toEqual(movedTo(4));
    expect(press('Enter', 3, 8, { enterChooses: false })).toBeNull();
  });

  it('leaves other keys, and keys held with Ctrl, Alt or ⌘, to the picker', () => {
    expect(press('a', 3)).toBeNull();
    expect(press('Tab', 3)).toBeNull();
    expect(pickerKey({ key: 'ArrowDown', ctrlKey: true }, { index: 3, count: 8 })).toBeNull();
    expect(pickerKey({ key: 'Home', altKey: true }, { index: 3, count: 8 })).toBeNull();
    expect(pickerKey({ key: 'Enter', metaKey: true }, { index: 3, count: 8 })).toBeNull();
  });
});

describe('a picker’s onKeyDown', () => {
  function keyEvent(key: string, shiftKey = false) {
    const event = { key, shiftKey, preventDefault: vi.fn(), stopPropagation: vi.fn() };
    return event as typeof event & KeyboardEvent;
  }
  const handlers = () => ({ close: vi.fn(), move: vi.fn(), choose: vi.fn() });

  it('Esc closes and keeps the key from the app behind the picker', () => {
    const h = handlers();
    const e = keyEvent('Escape');
    expect(handlePickerKey(e, { index: 0, count: 3 }, h)).toBe(true);
    expect(h.close).toHaveBeenCalledOnce();
    expect(e.preventDefault).toHaveBeenCalled();
    expect(e.stopPropagation).toHaveBeenCalled();
  });

  it('a move and a choice keep the key from the browser and hand over the index (and the key, for Shift)', () => {
    const h = handlers();
    const down = keyEvent('End');
    handlePickerKey(down, { index: 0, count: 3 }, h);
    expect(h.move).toHaveBeenCalledWith(2);
    expect(down.preventDefault).toHaveBeenCalled();
    expect(down.stopPropagation).not.toHaveBeenCalled();
    const enter = keyEvent('Enter', true);
    handlePickerKey(enter, { index: 1, count: 3 }, h);
    expect(h.choose).toHaveBeenCalledWith(1, enter);
    expect(enter.preventDefault).toHaveBeenCalled();
  });

  it('a key that is not the picker’s goes on untouched', () => {
    const h = handlers();
    const e = keyEvent('x');
    expect(handlePickerKey(e, { index: 0, count: 3 }, h)).toBe(false);
    expect(e.preventDefault).not.toHaveBeenCalled();
    expect([h.close, h.move, h.choose].every((f) => f.mock.calls.length === 0)).toBe(true);
  });
});
