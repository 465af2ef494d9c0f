import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { TEMPLATE_VARIABLES } from '../../../../shared/outbox';
import { completeVariable, insertVariable, variableCompletion } from './preview';
import { CompletionHint, VariableButtons } from './SavedReplyParts';

type Variable = (typeof TEMPLATE_VARIABLES)[number];

/**
 * A saved reply's text with its variables: a button for each, and while `{{…` is being typed
 * the matching names are offered and Tab puts in the first.
 */
export function SavedReplyText({ text, onText }: { text: string; onText: (text: string) => void }) {
  const [caret, setCaret] = useState<number | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const completion = caret === null ? null : variableCompletion(text, caret);

  /** Puts the chosen variable where the unfinished `{{…` is, and the caret after it, before the next key. */
  function complete(variable: Variable) {
    if (!completion || caret === null) return;
    const next = completeVariable(text, caret, completion, variable);
    flushSync(() => {
      onText(next.text);
      setCaret(next.caret);
    });
    area.current?.setSelectionRange(next.caret, next.caret);
  }

  function offer(variable: Variable) {
    const box = area.current;
    const start = box?.selectionStart ?? text.length;
    const end = box?.selectionEnd ?? start;
    const next = insertVariable(text, start, end, variable);
    onText(next.text);
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <>
      <label>
        Text
        <textarea
          ref={area}
          rows={6}
          value={text}
          onChange={(e) => {
            onText(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onBlur={() => setCaret(null)}
          onKeyDown={(e) => {
            // Tab completes a variable being typed; anywhere else it moves on as usual.
            const first = completion?.matches[0];
            if (e.key === 'Tab' && !e.shiftKey && first) {
              e.preventDefault();
              complete(first);
            }
          }}
          aria-describedby={completion ? 'sr-completion' : undefined}
        />
      </label>
      <CompletionHint completion={completion} />
      <VariableButtons onOffer={offer} />
    </>
  );
}
