import { FOCUS } from './focusIds';

/** How often a lost focus is looked for, besides every focusout (an unmounted field fires none). */
const CHECK_MS = 250;

/**
 * Where the keyboard goes when it was left on the page body (a note left with Esc, a sent
 * reply's composer gone, a picker closed that was opened from nowhere): the open
 * conversation, else the list, else the current screen. Nothing moves while a dialog is open.
 */
export function rescueFocus(reading: boolean, doc: Document = document): void {
  if (doc.activeElement && doc.activeElement !== doc.body) return;
  if (doc.querySelector('[role="dialog"], [role="alertdialog"]')) return;
  const target =
    (reading ? doc.getElementById(FOCUS.thread) : null) ??
    doc.getElementById(FOCUS.list) ??
    doc.querySelector<HTMLElement>('[id$="-screen"], #unreadable-list');
  target?.focus();
}

/** Keeps focus somewhere useful while the app runs (`reading`: a conversation is open); returns the stop. */
export function keepFocusUseful(reading: () => boolean, win: Window = window): () => void {
  const rescue = () => rescueFocus(reading(), win.document);
  const check = () => win.requestAnimationFrame(rescue);
  win.document.addEventListener('focusout', check);
  const timer = win.setInterval(rescue, CHECK_MS);
  return () => {
    win.document.removeEventListener('focusout', check);
    win.clearInterval(timer);
  };
}
