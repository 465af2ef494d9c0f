import { useState } from 'react';
import { joinDayAndClock, splitDayAndClock } from '../localFormats';
import { DayField } from './DayField';
import { TimeField } from './TimeField';
import './dateTimeField.css';

/**
 * A moment picked as a day and a time of day, both shown and read in the app's locale (the
 * rule of dates.ts), where a native date-and-time input would follow the browser's locale.
 * The value is a local "2026-12-24T17:30"; `onChange` gets '' while either part is not readable.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  now,
  invalid = false,
  describedBy,
}: {
  /** The group's name; its two fields are "Day" and "Time" within it. */
  label: string;
  value: string;
  onChange(value: string): void;
  now: number;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [parts, setParts] = useState(() => splitDayAndClock(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // Set from outside (the draft loaded, undo restored it): both fields show the new moment.
    setSeen(value);
    if (value !== joinDayAndClock(parts.day, parts.time)) setParts(splitDayAndClock(value));
  }
  function change(next: { day: string | null; time: string | null }) {
    setParts(next);
    const joined = joinDayAndClock(next.day, next.time);
    setSeen(joined);
    onChange(joined);
  }
  return (
    <fieldset className="dt-field" aria-describedby={describedBy}>
      <legend>{label}</legend>
      <DayField
        label="Day"
        value={parts.day}
        now={now}
        invalid={invalid}
        onChange={(day) => change({ ...parts, day })}
      />
      <TimeField label="Time" value={parts.time} invalid={invalid} onChange={(time) => change({ ...parts, time })} />
    </fieldset>
  );
}
