import { useEffect, useState } from 'react';
import { PromptlyError } from '../../../../shared/errors';
import { WEEKDAYS, type BusinessHours, type Policy, type Weekday } from '../../../../shared/policy';
import { loadPolicy, savePolicy } from './policyStore';
import { errorText } from '../../callErrors';
import { TimeZoneField } from '../../components/TimeZoneField';
import './teamwork.css';

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

/** A day's intervals as typed: "09:00-12:30, 13:30-17:00"; empty means closed. */
export function intervalsText(intervals: BusinessHours[Weekday]): string {
  return intervals.map((i) => `${i.start}-${i.end}`).join(', ');
}

/** Parses a day's intervals; anything malformed is passed on for the service to explain. */
export function parseIntervals(text: string): Array<{ start: string; end: string }> {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[-–]\s*/);
      return { start: start.trim(), end: end.trim() };
    });
}

/** Field problems keyed for this form: `businessHours.mon`, `holidays`, `timeZone`, …. */
function policyProblems(error: unknown): Record<string, string> {
  if (!(error instanceof PromptlyError) || !error.fields) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const parts = path.split('.');
    const key = parts[0] === 'businessHours' && parts[1] ? `businessHours.${parts[1]}` : (parts[0] ?? path);
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/**
 * The team's deadline policy (shared with every teammate through the team log): courtesy
 * window, time zone, due-soon lead, business hours per weekday and holidays.
 */
export function PolicyForm() {
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [windowHours, setWindowHours] = useState('24');
  const [zone, setZone] = useState('UTC');
  const [lead, setLead] = useState('240');
  const [dueWindow, setDueWindow] = useState<Policy['dueSoonWindow']>('business-day');
  const [useHours, setUseHours] = useState(false);
  const [days, setDays] = useState<Record<Weekday, string>>(
    () => Object.fromEntries(WEEKDAYS.map((d) => [d, ''])) as Record<Weekday, string>,
  );
  const [holidays, setHolidays] = useState('');
  const [replyTo, setReplyTo] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);

  function fill(p: Policy) {
    setPolicy(p);
    setWindowHours(String(Math.round((p.courtesyWindowMinutes / 60) * 100) / 100));
    setZone(p.timeZone);
    setLead(String(p.dueSoonLeadMinutes));
    setDueWindow(p.dueSoonWindow);
    setUseHours(p.businessHours !== null);
    const hours = p.businessHours;
    setDays(
      Object.fromEntries(WEEKDAYS.map((d) => [d, hours ? intervalsText(hours[d]) : ''])) as Record<Weekday, string>,
    );
    setHolidays(p.holidays.join('\n'));
    setReplyTo(p.replyTo ?? '');
  }

  useEffect(() => {
    loadPolicy().then(fill, (e: unknown) => setStatus(errorText(e)));
  }, []);

  async function save() {
    setFields({});
    setStatus(null);
    const businessHours = useHours
      ? (Object.fromEntries(WEEKDAYS.map((d) => [d, parseIntervals(days[d])])) as BusinessHours)
      : null;
    try {
      const saved = await savePolicy({
        courtesyWindowMinutes: Math.round(Number(windowHours) * 60),
        timeZone: zone.trim(),
        dueSoonLeadMinutes: Math.round(Number(lead)),
        dueSoonWindow: dueWindow,
        businessHours,
        holidays: holidays.split(/[\s,]+/).filter(Boolean),
        replyTo: replyTo.trim() || null,
      });
      fill(saved);
      setStatus('Saved. Every teammate gets the new policy with the next sync.');
    } catch (error) {
      const byField = policyProblems(error);
      setFields(byField);
      setStatus(Object.keys(byField).length > 0 ? 'Some fields need attention.' : errorText(error));
    }
  }

  const err = (key: string) =>
    fields[key] ? (
      <span className="tw-error" id={`policy-${key}-error`}>
        {fields[key]}
      </span>
    ) : null;
  const aria = (key: string) => ({
    'aria-invalid': fields[key] ? true : undefined,
    'aria-describedby': fields[key] ? `policy-${key}-error` : undefined,
  });
  return (
    <form
      className="tw-form tw-settings"
      aria-label="Team policy"
      aria-busy={policy === null}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Team policy</h2>
      <label>
        Courtesy window (hours)
        <input
          type="number"
          min="0.1"
          step="any"
          value={windowHours}
          onChange={(e) => setWindowHours(e.target.value)}
          {...aria('courtesyWindowMinutes')}
        />
      </label>
      {err('courtesyWindowMinutes')}
      <TimeZoneField
        label="Team time zone"
        value={zone}
        onChange={setZone}
        invalid={Boolean(fields.timeZone)}
        describedBy={fields.timeZone ? 'policy-timeZone-error' : undefined}
      />
      {err('timeZone')}
      <label>
        The Due soon view holds
        <select value={dueWindow} onChange={(e) => setDueWindow(e.target.value === 'lead' ? 'lead' : 'business-day')}>
          <option value="business-day">what comes due before the business day ends</option>
          <option value="lead">what comes due within the minutes below</option>
        </select>
      </label>
      <p className="tw-hint">
        The business day needs business hours (below); without them Due soon uses the minutes below.
      </p>
      <label>
        Minutes before a deadline that count as “due soon” (reminders come then too)
        <input
          type="number"
          min="0"
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          {...aria('dueSoonLeadMinutes')}
        />
      </label>
      {err('dueSoonLeadMinutes')}
      <label className="tw-check">
        <input type="checkbox" checked={useHours} onChange={(e) => setUseHours(e.target.checked)} />
        Count the window in business hours (otherwise on the wall clock)
      </label>
      {useHours && (
        <fieldset>
          <legend>Business hours, e.g. 09:00-12:30, 13:30-17:00 (empty: closed)</legend>
          {WEEKDAYS.map((d) => (
            <div key={d}>
              <label>
                {DAY_NAMES[d]}
                <input
                  value={days[d]}
                  onChange={(e) => setDays({ ...days, [d]: e.target.value })}
                  {...aria(`businessHours.${d}`)}
                />
              </label>
              {err(`businessHours.${d}`)}
            </div>
          ))}
          {err('businessHours')}
        </fieldset>
      )}
      <label>
        Holidays (YYYY-MM-DD, one per line)
        <textarea rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} {...aria('holidays')} />
      </label>
      {err('holidays')}
      <label>
        Reply-To on replies (optional; empty: replies come back to the shared address)
        <input type="email" value={replyTo} onChange={(e) => setReplyTo(e.target.value)} {...aria('replyTo')} />
      </label>
      {err('replyTo')}
      <div className="tw-buttons">
        <button type="submit" className="primary">
          Save policy
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
