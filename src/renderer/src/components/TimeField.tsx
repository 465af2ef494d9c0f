import { useId } from 'react';
import { clockChoices, clockText, parseClockText } from '../localFormats';
import { useTypedValue } from './useTypedValue';

/** The example a time field's problem names: "05:30 PM" or "17:30", as the locale writes it. */
export function clockExample(): string {
  return clockText('17:30');
}

/**
 * A time of day in the app's locale (localFormats.ts), not the browser's: a text field that
 * shows "17:30" or "05:30 PM", offers the day in half hours to pick from, and reads what is
 * typed. `onChange` gets "HH:MM", or null while the text is not a time.
 */
export function TimeField({
  label,
  value,
  onChange,
  endOfDay = false,
  invalid = false,
  describedBy,
  hideLabel = false,
}: {
  label: string;
  /** "HH:MM" ("24:00" for the end of the day), or null while the typed text is not a time. */
  value: string | null;
  onChange(value: string | null): void;
  /** A closing time: midnight means the end of the day. */
  endOfDay?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** The label is read by screen readers only (a row of fields with one visible heading). */
  hideLabel?: boolean;
}) {
  const listId = useId();
  const field = useTypedValue(value, clockText, (text) => parseClockText(text, { endOfDay }));
  return (
    <label className="st-time">
      <span className={hideLabel ? 'visually-hidden' : undefined}>{label}</span>
      <input
        list={listId}
        value={field.text}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        size={9}
        onChange={(e) => onChange(field.type(e.target.value))}
        onBlur={field.settle}
        aria-invalid={invalid || field.unreadable ? true : undefined}
        aria-describedby={describedBy}
      />
      <datalist id={listId}>
        {clockChoices().map((choice) => (
          <option key={choice} value={choice} />
        ))}
      </datalist>
    </label>
  );
}
