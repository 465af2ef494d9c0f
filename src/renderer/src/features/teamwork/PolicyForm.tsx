import { useEffect, useState } from 'react';
import { PromptlyError } from '../../../../shared/errors';
import type { Policy } from '../../../../shared/policy';
import { loadPolicy, savePolicy } from './policyStore';
import { errorText } from '../../callErrors';
import { TimeZoneField } from '../../components/TimeZoneField';
import { clockText } from '../../localFormats';
import { BusinessHoursField } from '../settings/BusinessHoursField';
import { clockExample } from '../../components/TimeField';
import { draftOf, hoursOf, hoursProblems, type DraftHours } from '../settings/businessHours';
import { HolidaysField, holidaysText, readHolidays } from '../settings/HolidaysField';
import './teamwork.css';

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
 * window, time zone, the Due soon window, business hours per weekday and holidays.
 */
export function PolicyForm() {
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [windowHours, setWindowHours] = useState('24');
  const [zone, setZone] = useState('UTC');
  const [lead, setLead] = useState('240');
  const [dueWindow, setDueWindow] = useState<Policy['dueSoonWindow']>('business-day');
  const [useHours, setUseHours] = useState(false);
  const [hours, setHours] = useState<DraftHours>(() => draftOf(null));
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
    setHours(draftOf(p.businessHours));
    setHolidays(holidaysText(p.holidays));
    setReplyTo(p.replyTo ?? '');
  }

  useEffect(() => {
    loadPolicy().then(fill, (e: unknown) => setStatus(errorText(e)));
  }, []);

  async function save() {
    setStatus(null);
    const days = readHolidays(holidays);
    const problems = {
      ...(useHours ? hoursProblems(hours, (t) => clockText(t), clockExample()) : {}),
      ...('problem' in days ? { holidays: days.problem } : {}),
    };
    setFields(problems);
    if (Object.keys(problems).length > 0 || 'problem' in days) {
      setStatus('Some fields need attention.');
      return;
    }
    try {
      const saved = await savePolicy({
        courtesyWindowMinutes: Math.round(Number(windowHours) * 60),
        timeZone: zone.trim(),
        dueSoonLeadMinutes: Math.round(Number(lead)),
        dueSoonWindow: dueWindow,
        businessHours: useHours ? hoursOf(hours) : null,
        holidays: days.holidays,
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
      noValidate
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
        Reminders come when a conversation enters Due soon. The business day needs business hours (below); without them
        Due soon uses the minutes below.
      </p>
      <label>
        Minutes ahead that count as “due soon” (a fixed lead)
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
      {useHours && <BusinessHoursField hours={hours} onChange={setHours} problems={fields} />}
      <HolidaysField value={holidays} onChange={setHolidays} problem={fields.holidays} />
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
