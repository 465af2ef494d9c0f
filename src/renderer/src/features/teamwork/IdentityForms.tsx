import { useEffect, useState } from 'react';
import { WEEKDAYS, type Weekday } from '../../../../shared/policy';
import { TimeZoneField } from '../../components/TimeZoneField';
import { DAY_NAMES } from '../settings/businessHours';
import { TimeField } from '../../components/TimeField';
import { clockText } from '../../localFormats';
import { loadQuietHours, saveQuietHours } from './policyStore';
import { errorText } from '../../callErrors';
import { fieldProblems } from './format';
import { useRoster } from './stores';
import './teamwork.css';

/** "Who am I": my name, work address and signature (local; sent with every team action). */
export function IdentityForm() {
  const me = useRoster((s) => s.me);
  const loaded = useRoster((s) => s.loaded);
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [signature, setSignature] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!loaded) void useRoster.getState().load();
  }, [loaded]);
  useEffect(() => {
    if (!me) return;
    setName(me.name);
    setAddress(me.address);
    setSignature(me.signature);
  }, [me]);

  async function save() {
    setFields({});
    setStatus(null);
    try {
      await useRoster.getState().setMe({ name, address, signature });
      setStatus('Saved.');
    } catch (error) {
      const byField = fieldProblems(error);
      setFields(byField);
      setStatus(Object.keys(byField).length > 0 ? 'Some fields need attention.' : errorText(error));
    }
  }

  const err = (key: string) =>
    fields[key] ? (
      <span className="tw-error" id={`me-${key}-error`}>
        {fields[key]}
      </span>
    ) : null;
  const aria = (key: string) => ({
    'aria-invalid': fields[key] ? true : undefined,
    'aria-describedby': fields[key] ? `me-${key}-error` : undefined,
  });
  return (
    <form
      className="tw-form tw-settings"
      aria-label="Who am I"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Who am I</h2>
      <label>
        Name, as teammates see it
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" {...aria('name')} />
      </label>
      {err('name')}
      <label>
        Your own work address
        <input type="email" value={address} onChange={(e) => setAddress(e.target.value)} {...aria('address')} />
      </label>
      {err('address')}
      <label>
        Signature
        <textarea rows={4} value={signature} onChange={(e) => setSignature(e.target.value)} {...aria('signature')} />
      </label>
      {err('signature')}
      <div className="tw-buttons">
        <button type="submit" className="primary">
          Save
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

/**
 * My quiet hours (a local setting): notifications are held back and released as one summary.
 * Shows what is saved; before anything is, a common default to save.
 */
export function QuietHoursForm() {
  const [enabled, setEnabled] = useState(true);
  const [start, setStart] = useState<string | null>('22:00');
  const [end, setEnd] = useState<string | null>('07:00');
  const [zone, setZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [days, setDays] = useState<Weekday[]>([...WEEKDAYS]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    loadQuietHours().then(
      (saved) => {
        if (!saved) return;
        setStart(saved.start);
        setEnd(saved.end);
        setZone(saved.timeZone);
        setDays(saved.days);
      },
      (e: unknown) => setStatus(errorText(e)),
    );
  }, []);

  async function save() {
    setFields({});
    setStatus(null);
    if (enabled && (start === null || end === null)) {
      setFields({
        quietHours: `${start === null ? 'Quiet from' : 'Until'} is not a time. Write it like ${clockText('22:30')}.`,
      });
      setStatus('Some fields need attention.');
      return;
    }
    try {
      const saved = await saveQuietHours(enabled && start && end ? { start, end, timeZone: zone, days } : null);
      setStatus(saved ? `Quiet from ${clockText(saved.start)} to ${clockText(saved.end)}.` : 'Quiet hours are off.');
    } catch (error) {
      const byField = fieldProblems(error);
      setFields(byField);
      setStatus(Object.keys(byField).length > 0 ? 'Some fields need attention.' : errorText(error));
    }
  }

  return (
    <form
      className="tw-form tw-settings"
      aria-label="Quiet hours"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Quiet hours</h2>
      <label className="tw-check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Hold notifications back during quiet hours
      </label>
      {enabled && (
        <>
          <div className="st-time-row">
            <TimeField
              label="Quiet from"
              value={start}
              onChange={setStart}
              invalid={Boolean(fields.quietHours) && start === null}
              describedBy={fields.quietHours ? 'quiet-hours-error' : undefined}
            />
            <TimeField
              label="Until"
              value={end}
              onChange={setEnd}
              invalid={Boolean(fields.quietHours) && end === null}
              describedBy={fields.quietHours ? 'quiet-hours-error' : undefined}
            />
          </div>
          <TimeZoneField label="Time zone" value={zone} onChange={setZone} />
          <fieldset>
            <legend>Quiet on these days (a stretch past midnight counts for the day it starts)</legend>
            {WEEKDAYS.map((d) => (
              <label key={d} className="tw-check">
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
                />
                {DAY_NAMES[d]}
              </label>
            ))}
          </fieldset>
          {fields.quietHours && (
            <span className="tw-error" id="quiet-hours-error">
              {fields.quietHours}
            </span>
          )}
        </>
      )}
      <div className="tw-buttons">
        <button type="submit" className="primary">
          Save quiet hours
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
