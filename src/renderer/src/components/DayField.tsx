import { useId } from 'react';
import { calendarDayText, dayChoices, parseCalendarDay } from '../localFormats';
import { useTypedValue } from './useTypedValue';

/**
 * A calendar day in the app's locale (localFormats.ts), not the browser's: a text field that
 * shows "24.12.2026" or "12/24/2026", offers the next two weeks with their weekdays to pick
 * from (↓ opens the list), and reads what is typed. `onChange` gets "YYYY-MM-DD", or null while
 * the text is not a date.
 */
export function DayField({
  label,
  value,
  onChange,
  now,
  invalid = false,
  describedBy,
}: {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  /** The first day offered is the one this instant falls on. */
  now: number;
  invalid?: boolean;
  describedBy?: string;
}) {
  const listId = useId();
  const field = useTypedValue(value, calendarDayText, parseCalendarDay);
  return (
    <label className="dt-part">
      <span>{label}</span>
      <input
        list={listId}
        value={field.text}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        size={11}
        onChange={(e) => onChange(field.type(e.target.value))}
        onBlur={field.settle}
        aria-invalid={invalid || field.unreadable ? true : undefined}
        aria-describedby={describedBy}
      />
      <datalist id={listId}>
        {dayChoices(now).map((choice) => (
          <option key={choice.day} value={choice.text} label={choice.weekday} />
        ))}
      </datalist>
    </label>
  );
}
