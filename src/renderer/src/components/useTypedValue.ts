import { useState } from 'react';

/**
 * A field's typed text and the value it reads as, kept apart: the person's own typing stays as
 * typed, a new value from outside (loaded, restored, reset) replaces it, and leaving the field
 * shows what was read the locale's way. `show` writes a value; `read` gives it back, or null.
 */
export function useTypedValue(
  value: string | null,
  show: (value: string) => string,
  read: (text: string) => string | null,
): { text: string; unreadable: boolean; type(text: string): string | null; settle(): void } {
  const [text, setText] = useState(value === null ? '' : show(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== null && read(text) !== value) setText(show(value));
  }
  return {
    text,
    unreadable: text.trim() !== '' && read(text) === null,
    type(typed) {
      setText(typed);
      const got = read(typed);
      setSeen(got);
      return got;
    },
    settle() {
      const got = read(text);
      if (got !== null) setText(show(got));
    },
  };
}
