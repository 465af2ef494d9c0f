// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { rescueFocus } from '../../../src/renderer/src/keymap/focusRescue';

/** The app's landmarks as the real components render them (ids from keymap/actions FOCUS). */
function page(html: string): void {
  document.body.innerHTML = html;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const PANES =
  '<div id="thread-list" tabindex="0"></div><article id="thread-pane" tabindex="-1"></article><textarea id="note"></textarea>';

describe('focus lost to the page body comes back somewhere useful', () => {
  it('goes to the open conversation, else to the list', () => {
    page(PANES);
    rescueFocus(true);
    expect(document.activeElement?.id).toBe('thread-pane');
    (document.activeElement as HTMLElement).blur();
    rescueFocus(false);
    expect(document.activeElement?.id).toBe('thread-list');
  });

  it('leaves focus alone where a person put it, and while a dialog is open', () => {
    page(PANES);
    document.getElementById('note')?.focus();
    rescueFocus(false);
    expect(document.activeElement?.id).toBe('note');
    page(`${PANES}<div role="dialog" aria-label="Snooze conversation"></div>`);
    rescueFocus(false);
    expect(document.activeElement).toBe(document.body);
  });

  it('on a screen without a list (Team settings), the screen takes it', () => {
    page('<section id="settings-screen" tabindex="-1"></section>');
    rescueFocus(false);
    expect(document.activeElement?.id).toBe('settings-screen');
  });
});
