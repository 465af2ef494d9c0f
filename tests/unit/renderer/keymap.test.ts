// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

vi.mock('../../../src/renderer/src/api', () => ({ api: {} }));

const { bindKeymap, isTyping } = await import('../../../src/renderer/src/keymap/bind');
const { KEYMAP, displayKeys } = await import('../../../src/renderer/src/keymap/keymap');
const { ACTIONS } = await import('../../../src/renderer/src/keymap/actions');
const { HelpOverlay, helpRows } = await import('../../../src/renderer/src/features/help/HelpOverlay');

afterEach(cleanup);

describe('the keymap table', () => {
  it('binds only actions that exist, and no key twice', () => {
    const ids = new Set(ACTIONS.map((a) => a.id));
    for (const b of KEYMAP) expect(ids.has(b.action), b.action).toBe(true);
    const keys = KEYMAP.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    // The docs/PRODUCT.md triage keys are all bound.
    for (const action of [
      'thread.claim',
      'thread.assign',
      'reply.new',
      'reply.courtesy',
      'thread.close',
      'thread.snooze',
      'thread.note',
      'view.mine',
    ]) {
      expect(
        KEYMAP.some((b) => b.action === action),
        action,
      ).toBe(true);
    }
  });

  it('shows keys the way a person reads them', () => {
    expect(displayKeys('g a')).toBe('g then a');
    expect(displayKeys('Shift+?')).toBe('?');
    expect(displayKeys('$mod+k')).toMatch(/^(Ctrl|⌘) k$/);
  });

  it('runs actions from keys and sequences, never while typing', async () => {
    const runs: string[] = [];
    const actions = [
      { id: 'a.one', title: 'One', group: 'App' as const, run: () => runs.push('one') },
      { id: 'a.seq', title: 'Seq', group: 'App' as const, run: () => runs.push('seq') },
      { id: 'a.mod', title: 'Mod', group: 'App' as const, run: () => runs.push('mod') },
      { id: 'a.off', title: 'Off', group: 'App' as const, available: () => false, run: () => runs.push('off') },
    ];
    const keymap = [
      { action: 'a.one', keys: ['j'] },
      { action: 'a.seq', keys: ['g a'] },
      { action: 'a.mod', keys: ['Control+k'] },
      { action: 'a.off', keys: ['x'] },
    ];
    render(h('div', null, h('input', { 'aria-label': 'field' }), h('button', { type: 'button' }, 'b')));
    const off = bindKeymap(window, keymap, actions);
    const user = userEvent.setup();
    await user.keyboard('j');
    await user.keyboard('ga');
    await user.keyboard('x');
    expect(runs).toEqual(['one', 'seq']);
    await user.click(screen.getByLabelText('field'));
    await user.keyboard('jga');
    expect(runs).toEqual(['one', 'seq']);
    expect((screen.getByLabelText('field') as HTMLInputElement).value).toBe('jga');
    // Ctrl/Cmd chords still work in fields (jsdom lacks getModifierState; the e2e opens the palette from the search box).
    off();
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('j');
    expect(runs).toEqual(['one', 'seq']);
    expect(isTyping(screen.getByLabelText('field'))).toBe(true);
    expect(isTyping(screen.getByRole('button'))).toBe(false);
  });
});

describe('sequences and single keys sharing a letter', () => {
  it('a finished `g o` runs only the sequence, not the single `o` as well', async () => {
    const runs: string[] = [];
    const actions = [
      { id: 'open', title: 'Open', group: 'App' as const, run: () => runs.push('open') },
      { id: 'overdue', title: 'Overdue', group: 'Views' as const, run: () => runs.push('overdue') },
    ];
    // The single key is listed first, as in the real keymap.
    const off = bindKeymap(
      window,
      [
        { action: 'open', keys: ['o'] },
        { action: 'overdue', keys: ['g o'] },
      ],
      actions,
    );
    const user = userEvent.setup();
    await user.keyboard('go');
    await user.keyboard('o');
    off();
    expect(runs).toEqual(['overdue', 'open']);
  });
});

describe('the help overlay', () => {
  it('is generated from the keymap: every bound action with its keys', () => {
    const rows = helpRows();
    expect(rows.length).toBe(KEYMAP.length);
    render(h(HelpOverlay, { onClose: () => undefined }));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const row of rows) {
      expect(dialog.textContent).toContain(row.title);
      for (const k of row.keys) expect(dialog.textContent).toContain(k);
    }
    expect(dialog.textContent).toContain('g then a');
    expect(dialog.textContent).toContain('Claim (take it)');
  });

  it('a new binding appears in the help without touching the overlay', () => {
    const rows = helpRows(
      [{ action: 'x.new', keys: ['Shift+N'] }],
      [{ id: 'x.new', title: 'Brand new', group: 'App', run: () => undefined }],
    );
    expect(rows).toEqual([{ group: 'App', title: 'Brand new', keys: ['Shift N'] }]);
  });

  it('closes on Escape', async () => {
    const onClose = vi.fn();
    render(h(HelpOverlay, { onClose }));
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});
