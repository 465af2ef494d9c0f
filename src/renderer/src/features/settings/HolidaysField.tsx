import { calendarDayText, parseCalendarDay } from '../../localFormats';

/** The holidays as the person writes dates, one a line: "24.12.2026" or "12/24/2026". */
export function holidaysText(holidays: readonly string[]): string {
  return holidays.map((d) => calendarDayText(d)).join('\n');
}

/**
 * Reads the holidays typed one a line in the app's locale; the first line that is no date is
 * named in the problem, with an example in the person's own format.
 */
export function readHolidays(text: string): { holidays: string[] } | { problem: string } {
  const holidays: string[] = [];
  for (const line of text.split(/[\n,;]+/).map((l) => l.trim())) {
    if (line === '') continue;
    const day = parseCalendarDay(line);
    if (day === null)
      return { problem: `“${line}” is not a date. Write dates like ${calendarDayText('2026-12-24')}, one a line.` };
    holidays.push(day);
  }
  return { holidays: [...new Set(holidays)].sort() };
}

/** Holidays, one date a line, in the app's locale. */
export function HolidaysField({
  value,
  onChange,
  problem,
}: {
  value: string;
  onChange(text: string): void;
  problem: string | undefined;
}) {
  return (
    <>
      <label>
        Holidays, one date a line (for example {calendarDayText('2026-12-24')})
        <textarea
          rows={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'policy-holidays-error' : undefined}
        />
      </label>
      {problem && (
        <span className="tw-error" id="policy-holidays-error">
          {problem}
        </span>
      )}
    </>
  );
}
