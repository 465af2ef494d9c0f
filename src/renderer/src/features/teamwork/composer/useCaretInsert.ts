import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useInsertRequests } from '../../savedReplies/insertRequests';

/** The message box and how snippets (saved replies, variables) land at its caret. */
export interface CaretInsert {
  body: RefObject<HTMLTextAreaElement | null>;
  insertAtCaret(snippet: string): void;
}

/**
 * Inserts snippets at the body's caret and puts the caret after them; focuses the body once the
 * draft is on screen so writing starts at once; takes saved replies picked in the palette.
 */
export function useCaretInsert(text: string, setText: (text: string) => void, ready: boolean): CaretInsert {
  const body = useRef<HTMLTextAreaElement>(null);
  const nextCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (nextCaret.current === null) return;
    body.current?.focus();
    body.current?.setSelectionRange(nextCaret.current, nextCaret.current);
    nextCaret.current = null;
  });
  useEffect(() => {
    if (ready) body.current?.focus();
  }, [ready]);

  function insertAtCaret(snippet: string): void {
    const el = body.current;
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    setText(text.slice(0, at) + snippet + text.slice(end));
    nextCaret.current = at + snippet.length;
  }
  useInsertRequests(insertAtCaret);
  return { body, insertAtCaret };
}
