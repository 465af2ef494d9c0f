import { useEffect, useState, type FormEvent } from 'react';
import type { Identity } from '../../../../shared/team';
import type { AccountView } from '../../../../shared/types';
import { errorText } from '../../callErrors';
import { fieldProblems } from '../teamwork/format';
import { useRoster } from '../teamwork/stores';
import './onboarding.css';

/** A first guess at who is using this copy: saved identity, else the sign-in name when it is personal. */
export function guessIdentity(me: Identity | null, account: AccountView | null): Identity {
  if (me) return me;
  const user = account?.user.toLowerCase() ?? '';
  const personal = user.includes('@') && user !== account?.address.toLowerCase() ? user : '';
  return { name: '', address: personal, signature: '' };
}

interface Props {
  account: AccountView | null;
  /** Why we ask now (onboarding, or a team action that needs a name). */
  lead: string;
  onDone: (identity: Identity) => void;
  onSkip: () => void;
  skipLabel?: string;
}

/** "Who are you": name, own address and signature, pre-filled from the account and the team roster. */
export function IdentityStep({ account, lead, onDone, onSkip, skipLabel = 'Skip for now' }: Props) {
  const { me, teammates, loaded } = useRoster();
  const [form, setForm] = useState<Identity>(() => guessIdentity(me, account));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!loaded) void useRoster.getState().load();
  }, [loaded]);
  useEffect(() => {
    if (me) setForm(me);
  }, [me]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setFields({});
    setProblem(null);
    try {
      onDone(await useRoster.getState().setMe(form));
    } catch (error) {
      const byField = fieldProblems(error);
      setFields(byField);
      setProblem(Object.keys(byField).length > 0 ? 'Some fields need attention.' : errorText(error));
    }
  }
  const set = (key: keyof Identity) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const aria = (key: string) => ({
    'aria-invalid': fields[key] ? true : undefined,
    'aria-describedby': fields[key] ? `who-${key}-error` : undefined,
  });
  const err = (key: string) =>
    fields[key] && (
      <span className="field-error" id={`who-${key}-error`}>
        {fields[key]}
      </span>
    );

  return (
    <form className="setup-form identity-step" aria-labelledby="who-title" onSubmit={(e) => void save(e)} noValidate>
      <h1 id="who-title">Who are you?</h1>
      <p className="muted">{lead}</p>
      {teammates.length > 0 && (
        <div className="roster-choices" role="group" aria-label="Teammates already in this mailbox">
          <span>Already on the team:</span>
          {teammates.map((t) => (
            <button
              type="button"
              key={t.address}
              onClick={() => setForm((f) => ({ ...f, name: t.name, address: t.address }))}
            >
              I am {t.name || t.address}
            </button>
          ))}
        </div>
      )}
      <label className="field">
        <span>Your name, as teammates see it</span>
        <input value={form.name} onChange={set('name')} autoComplete="name" autoFocus {...aria('name')} />
        {err('name')}
      </label>
      <label className="field">
        <span>Your own work address</span>
        <input type="email" value={form.address} onChange={set('address')} autoComplete="email" {...aria('address')} />
        {err('address')}
      </label>
      <label className="field">
        <span>Signature under your replies</span>
        <textarea rows={3} value={form.signature} onChange={set('signature')} {...aria('signature')} />
        {err('signature')}
      </label>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onSkip}>
          {skipLabel}
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
