import { useState, type FormEvent } from 'react';
import type { ConnectionReport, TlsMode } from '../../../../shared/types';
import { PromptlyError } from '../../../../shared/errors';
import { api } from '../../api';
import { errorText } from '../../stores/errorText';
import { PRESETS } from './presets';

interface Form {
  address: string;
  displayName: string;
  user: string;
  password: string;
  imapHost: string;
  imapPort: string;
  imapTls: TlsMode;
  smtpHost: string;
  smtpPort: string;
  smtpTls: TlsMode;
}

const EMPTY: Form = {
  address: '',
  displayName: '',
  user: '',
  password: '',
  imapHost: '',
  imapPort: '993',
  imapTls: 'tls',
  smtpHost: '',
  smtpPort: '465',
  smtpTls: 'tls',
};

/** Form fields by the contract's field paths, so field-level errors land on the right input. */
const FIELD_PATHS: Record<string, keyof Form> = {
  address: 'address',
  displayName: 'displayName',
  user: 'user',
  password: 'password',
  'imap.host': 'imapHost',
  'imap.port': 'imapPort',
  'imap.tls': 'imapTls',
  'smtp.host': 'smtpHost',
  'smtp.port': 'smtpPort',
  'smtp.tls': 'smtpTls',
};

function toInput(f: Form) {
  return {
    address: f.address,
    displayName: f.displayName,
    user: f.user || f.address,
    password: f.password,
    imap: { host: f.imapHost, port: Number(f.imapPort), tls: f.imapTls },
    smtp: { host: f.smtpHost, port: Number(f.smtpPort), tls: f.smtpTls },
  };
}

/** First run: connect the shared mailbox, with provider presets, a connection test and field errors. */
export function SetupScreen({ onSaved }: { onSaved: () => void }) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [preset, setPreset] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const note = PRESETS.find((p) => p.id === preset)?.note;

  function update<K extends keyof Form>(key: K, value: Form[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function choose(id: string) {
    setPreset(id);
    const p = PRESETS.find((x) => x.id === id);
    if (!p) return;
    setForm((f) => ({
      ...f,
      imapHost: p.imap.host,
      imapPort: String(p.imap.port),
      imapTls: p.imap.tls,
      smtpHost: p.smtp.host,
      smtpPort: String(p.smtp.port),
      smtpTls: p.smtp.tls,
    }));
  }

  async function submit(kind: 'test' | 'save', event?: FormEvent) {
    event?.preventDefault();
    setBusy(kind);
    setProblem(null);
    setReport(null);
    try {
      const result = await api[kind === 'test' ? 'account.test' : 'account.save'](toInput(form));
      setReport(result);
      if (kind === 'save' && result.ok) onSaved();
    } catch (error) {
      if (error instanceof PromptlyError && error.fields) {
        const mapped: Partial<Record<keyof Form, string>> = {};
        for (const [path, message] of Object.entries(error.fields)) {
          const key = FIELD_PATHS[path];
          if (key) mapped[key] = message;
        }
        setErrors(mapped);
        setProblem('Some fields need attention.');
      } else setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  }

  const field = (key: keyof Form, label: string, type = 'text', extra: { autoComplete?: string } = {}) => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={form[key]}
        onChange={(e) => update(key, e.target.value as Form[typeof key])}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${key}-error` : undefined}
        {...extra}
      />
      {errors[key] && (
        <span id={`${key}-error`} className="field-error">
          {errors[key]}
        </span>
      )}
    </label>
  );
  const tls = (key: 'imapTls' | 'smtpTls', label: string) => (
    <label className="field">
      <span>{label}</span>
      <select value={form[key]} onChange={(e) => update(key, e.target.value as TlsMode)}>
        <option value="tls">TLS</option>
        <option value="starttls">STARTTLS</option>
        <option value="none">None (local test servers only)</option>
      </select>
    </label>
  );

  return (
    <main className="setup">
      <form className="setup-form" onSubmit={(e) => void submit('save', e)} aria-labelledby="setup-title" noValidate>
        <h1 id="setup-title">Connect your shared mailbox</h1>
        <p className="muted">Promptly reads the mailbox your team already answers from (support@, hello@ …).</p>
        <label className="field">
          <span>Provider</span>
          <select value={preset} onChange={(e) => choose(e.target.value)}>
            <option value="">Other (enter servers by hand)</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {note && <p className="note">{note}</p>}
        {field('address', 'Shared address', 'email', { autoComplete: 'email' })}
        {field('displayName', 'Name shown to customers')}
        {field('user', 'User name (usually the address)', 'text', { autoComplete: 'username' })}
        {field('password', 'Password or app password', 'password', { autoComplete: 'current-password' })}
        <fieldset>
          <legend>Incoming (IMAP)</legend>
          {field('imapHost', 'IMAP server')}
          {field('imapPort', 'Port', 'number')}
          {tls('imapTls', 'Security')}
        </fieldset>
        <fieldset>
          <legend>Outgoing (SMTP)</legend>
          {field('smtpHost', 'SMTP server')}
          {field('smtpPort', 'Port', 'number')}
          {tls('smtpTls', 'Security')}
        </fieldset>
        {report && (
          <ul className="connection-report" aria-label="Connection test" role="status">
            <li className={report.imap.ok ? 'ok' : 'bad'}>IMAP: {report.imap.message}</li>
            <li className={report.smtp.ok ? 'ok' : 'bad'}>SMTP: {report.smtp.message}</li>
          </ul>
        )}
        {problem && (
          <p className="inline-error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => void submit('test')} disabled={busy !== null}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'save' ? 'Connecting…' : 'Connect'}
          </button>
        </div>
        <p className="demo-offer">
          Just looking?{' '}
          <button
            type="button"
            className="link"
            disabled={busy !== null}
            onClick={() =>
              void api['app.openDemo']({}).then(
                () => onSaved(),
                (e: unknown) => setProblem(errorText(e)),
              )
            }
          >
            Try the demo mailbox
          </button>{' '}
          (a sample help desk that lives only on this computer).
        </p>
      </form>
    </main>
  );
}
