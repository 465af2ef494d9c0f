import { fromLocalInput } from './format';
import { longDayText } from '../../dates';

const DATE_VARIABLE = /\{\{\s*promise\.date\s*\}\}/g;

/**
 * The promise date as the customer will read it ("Tuesday 1 December"), filled into the text
 * the person is writing, so nobody has to picture `{{promise.date}}`. The service fills in the
 * same date in the team's zone when it sends.
 */
export function promiseSentence(text: string, promise: string): string | null {
  const at = fromLocalInput(promise);
  if (at === null || !text.match(DATE_VARIABLE)) return null;
  return text.replace(DATE_VARIABLE, longDayText(at));
}

/** A live preview of a courtesy reply with its promise date filled in; nothing without one. */
export function PromisePreview({ text, promise, id }: { text: string; promise: string; id: string }) {
  const filled = promiseSentence(text, promise);
  if (filled === null) return null;
  return (
    <div className="tw-promise-preview" id={id} aria-live="polite">
      <span className="muted">The customer reads:</span>
      <p>{filled}</p>
    </div>
  );
}
