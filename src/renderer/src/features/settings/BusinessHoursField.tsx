import { WEEKDAYS, type Weekday } from '../../../../shared/policy';
import { clockExample, TimeField } from '../../components/TimeField';
import { addStretch, DAY_NAMES, openDay, type DraftHours, type DraftInterval } from './businessHours';
import './settings.css';

/**
 * Business hours: each weekday a toggle (its full name for screen readers) and, when open, its
 * opening and closing times as time pickers; a day can have a break (two stretches).
 */
export function BusinessHoursField({
  hours,
  onChange,
  problems,
}: {
  hours: DraftHours;
  onChange(hours: DraftHours): void;
  /** Problems keyed `businessHours.mon` … and `businessHours` (hoursProblems). */
  problems: Record<string, string>;
}) {
  const setDay = (day: Weekday, intervals: DraftInterval[]) => onChange({ ...hours, [day]: intervals });
  return (
    <fieldset className="st-hours">
      <legend>Business hours</legend>
      <p className="tw-hint" id="st-hours-hint">
        Press a day to open or close it. Type a time like {clockExample()} or pick one.
      </p>
      {WEEKDAYS.map((day) => (
        <DayRow
          key={day}
          day={day}
          intervals={hours[day]}
          onChange={(intervals) => setDay(day, intervals)}
          onOpen={() => setDay(day, openDay(hours, day))}
          problem={problems[`businessHours.${day}`]}
        />
      ))}
      {problems.businessHours && (
        <span className="tw-error" id="policy-businessHours-error">
          {problems.businessHours}
        </span>
      )}
    </fieldset>
  );
}

function DayRow({
  day,
  intervals,
  onChange,
  onOpen,
  problem,
}: {
  day: Weekday;
  intervals: DraftInterval[];
  onChange(intervals: DraftInterval[]): void;
  onOpen(): void;
  problem: string | undefined;
}) {
  const name = DAY_NAMES[day];
  const open = intervals.length > 0;
  const errorId = `policy-businessHours.${day}-error`;
  const set = (i: number, change: Partial<DraftInterval>) =>
    onChange(intervals.map((iv, j) => (j === i ? { ...iv, ...change } : iv)));
  return (
    <div className="st-day" role="group" aria-label={name}>
      <button
        type="button"
        className="st-day-toggle"
        aria-pressed={open}
        aria-label={name}
        aria-describedby="st-hours-hint"
        onClick={() => (open ? onChange([]) : onOpen())}
      >
        {name.slice(0, 3)}
      </button>
      {!open && <span className="st-closed">Closed</span>}
      {intervals.map((iv, i) => {
        const which = intervals.length > 1 ? ` (${i + 1} of ${intervals.length})` : '';
        return (
          <span className="st-stretch" key={i}>
            <TimeField
              hideLabel
              label={`${name} opens${which}`}
              value={iv.start}
              onChange={(start) => set(i, { start })}
              invalid={Boolean(problem)}
              describedBy={problem ? errorId : undefined}
            />
            <span aria-hidden="true">–</span>
            <TimeField
              hideLabel
              endOfDay
              label={`${name} closes${which}`}
              value={iv.end}
              onChange={(end) => set(i, { end })}
              invalid={Boolean(problem)}
              describedBy={problem ? errorId : undefined}
            />
            {intervals.length > 1 && (
              <button
                type="button"
                className="st-small"
                aria-label={`Remove ${name}'s hours${which}`}
                onClick={() => onChange(intervals.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            )}
          </span>
        );
      })}
      {open && intervals.length < 4 && (
        <button
          type="button"
          className="st-small"
          aria-label={`Add hours on ${name} (after a break)`}
          onClick={() => onChange(addStretch(intervals))}
        >
          Add hours
        </button>
      )}
      {problem && (
        <span className="tw-error st-day-problem" id={errorId}>
          {problem}
        </span>
      )}
    </div>
  );
}
