/**
 * Business hours as the Settings form edits them: per weekday, the stretches it is open, each
 * time "HH:MM" or null while what was typed is not a time. Checked here, before saving, so each
 * problem is said next to its day in the person's own time format; stored as before
 * (shared/policy.ts `BusinessHours`).
 */
import { WEEKDAYS, clockMinutes, type BusinessHours, type Weekday } from '../../../../shared/policy';

/** Weekdays as people write them. */
export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** One open stretch of a day being edited. */
export interface DraftInterval {
  start: string | null;
  end: string | null;
}

/** A week of business hours being edited; a day with no stretches is closed. */
export type DraftHours = Record<Weekday, DraftInterval[]>;

/** The hours a day gets when it is first opened. */
export const DEFAULT_DAY: readonly DraftInterval[] = [{ start: '09:00', end: '17:00' }];

/** The form's starting point: the saved hours, or Monday to Friday 09:00–17:00. */
export function draftOf(hours: BusinessHours | null): DraftHours {
  const weekdays = new Set<Weekday>(['mon', 'tue', 'wed', 'thu', 'fri']);
  return Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      hours ? hours[d].map((iv) => ({ ...iv })) : weekdays.has(d) ? DEFAULT_DAY.map((iv) => ({ ...iv })) : [],
    ]),
  ) as DraftHours;
}

/** Opening a closed day copies the nearest open day before it (Saturday takes Friday's hours). */
export function openDay(draft: DraftHours, day: Weekday): DraftInterval[] {
  const at = WEEKDAYS.indexOf(day);
  for (let i = 1; i < WEEKDAYS.length; i++) {
    const before = draft[WEEKDAYS[(at - i + WEEKDAYS.length) % WEEKDAYS.length] ?? 'mon'];
    if (before.length > 0 && before.every((iv) => iv.start !== null && iv.end !== null))
      return before.map((iv) => ({ ...iv }));
  }
  return DEFAULT_DAY.map((iv) => ({ ...iv }));
}

/** A further stretch after the day's last one (an afternoon after a lunch break). */
export function addStretch(intervals: readonly DraftInterval[]): DraftInterval[] {
  const lastEnd = clockMinutes(intervals[intervals.length - 1]?.end ?? '17:00');
  const start = Math.min(lastEnd + 60, 23 * 60);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return [...intervals, { start: hhmm(start), end: start + 120 >= 1440 ? '24:00' : hhmm(start + 120) }];
}

/**
 * What is wrong with the hours, keyed `businessHours.mon` … or `businessHours` for the week;
 * `time` writes a stored time the person's way, `example` is a time as they would type it.
 */
export function hoursProblems(
  draft: DraftHours,
  time: (hhmm: string) => string,
  example: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    const problem = dayProblem(DAY_NAMES[day], draft[day], time, example);
    if (problem) problems[`businessHours.${day}`] = problem;
  }
  if (WEEKDAYS.every((d) => draft[d].length === 0))
    problems.businessHours = 'Open at least one day, or turn business hours off.';
  return problems;
}

function dayProblem(
  name: string,
  intervals: readonly DraftInterval[],
  time: (hhmm: string) => string,
  example: string,
): string | null {
  for (const iv of intervals) {
    if (iv.start === null) return `${name}: the opening time is not a time. Write it like ${example}.`;
    if (iv.end === null) return `${name}: the closing time is not a time. Write it like ${example}.`;
    if (clockMinutes(iv.end) <= clockMinutes(iv.start))
      return `${name}: it closes at ${time(iv.end)}, before it opens at ${time(iv.start)}. The closing time must be after the opening time.`;
  }
  const sorted = [...intervals].sort((a, b) => clockMinutes(a.start ?? '') - clockMinutes(b.start ?? ''));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (before?.end && after?.start && clockMinutes(before.end) > clockMinutes(after.start))
      return `${name}: ${time(after.start)}–${time(after.end ?? '')} overlaps ${time(before.start ?? '')}–${time(before.end)}.`;
  }
  return null;
}

/** The hours to save, once `hoursProblems` found nothing. */
export function hoursOf(draft: DraftHours): BusinessHours {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      draft[d]
        .map((iv) => ({ start: iv.start ?? '', end: iv.end ?? '' }))
        .sort((a, b) => clockMinutes(a.start) - clockMinutes(b.start)),
    ]),
  ) as BusinessHours;
}
