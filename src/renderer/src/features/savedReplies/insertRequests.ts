import { useEffect } from 'react';

/** Palette → open composer: "insert this saved reply's text at the caret". */
const INSERT = 'promptly:insert-saved-reply';
let listeners = 0;

/** True while a composer is open to take an insert. */
export function composerTakesInserts(): boolean {
  return listeners > 0;
}

/** Asks the open composer to insert `text` at its caret. */
export function requestInsert(text: string): void {
  window.dispatchEvent(new CustomEvent<string>(INSERT, { detail: text }));
}

/** The composer's side: `insert` runs for every request while it is mounted. */
export function useInsertRequests(insert: (text: string) => void): void {
  useEffect(() => {
    const onInsert = (e: Event) => insert((e as CustomEvent<string>).detail);
    window.addEventListener(INSERT, onInsert);
    listeners += 1;
    return () => {
      window.removeEventListener(INSERT, onInsert);
      listeners -= 1;
    };
  });
}
