import { useState, type FormEvent } from 'react';
import type { ConnectionReport } from '../../../../shared/types';
import type { DiscoveryResult } from '../../../../shared/discovery';
import { PromptlyError } from '../../../../shared/errors';
import { errorText } from '../../callErrors';
import { PRESETS } from './presets';
import { discoverSettings, saveAccount, saveAccountLater, testAccount } from '../onboarding/mailboxStore';
import { Field, ServerFields } from './ServerFields';
import { OAuthSignIn } from './OAuthSignIn';
import {
  EMPTY_FORM,
  FIELD_PATHS,
  serversOf,
  suggestedProvider,
  sourceText,
  toInput,
  UNREACHABLE_CODES,
  withDiscovered,
  type Form,
} from './setupForm';

type Errors = Partial<Record<keyof Form, string>>;

function fieldErrorsOf(error: unknown): Errors | null {
  if (!(error instanceof PromptlyError) || !error.fields) return null;
  const mapped: Errors = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const key = FIELD_PATHS[path];
    if (key) mapped[key] = message;
  }
  return mapped;
}

/** Both servers failed or one did because it could not be reached (not because it said no). */
function unreachable(report: ConnectionReport): boolean {
  const failed = [report.imap, report.smtp].filter((s) => !s.ok);
  return failed.length > 0 && failed.every((s) => UNREACHABLE_CODES.has(s.code ?? ''));
}

interface Props {
  /** The mailbox is saved (connected, or saved to connect later). */
  onSaved: () => void;
  onBack?: () => void;
  /** Settings → Mailbox → Edit starts from the saved account. */
  initial?: Partial<Form>;
  title?: string;
}

/**
 * Connecting the shared mailbox: the address first, settings found by autoconfiguration,
 * every field editable, a connection test, and "Save and connect later" when a server is away.
 */
export function SetupScreen({ onSaved, onBack, initial, title = 'Connect your team’s mailbox' }: Props) {
  const [form, setForm] = useState<Form>({ ...EMPTY_FORM, ...initial });
  const [phase, setPhase] = useState<'address' | 'servers'>(initial?.imapHost ? 'servers' : 'address');
  const [found, setFound] = useState<DiscoveryResult | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<'find' | 'test' | 'save' | 'later' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preset, setPreset] = useState('');
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

  async function run(kind: NonNullable<typeof busy>, work: () => Promise<void>) {
    setBusy(kind);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields) {
        setErrors(fields);
        setProblem('Some fields need attention.');
      } else setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  }

  const find = (event: FormEvent) => {
    event.preventDefault();
    void run('find', async () => {
      if (!form.address.includes('@')) {
        setErrors({ address: 'Enter the shared address, for example support@example.com.' });
        return;
      }
      try {
        const result = await discoverSettings(form.address);
        setFound(result);
        setForm((f) => withDiscovered(f, result));
      } catch (error) {
        setProblem(`Settings could not be looked up (${errorText(error)}). Enter them below.`);
      }
      setPhase('servers');
    });
  };

  const check = (kind: 'test' | 'save') =>
    run(kind, async () => {
      setReport(null);
      const result = await (kind === 'test' ? testAccount : saveAccount)(toInput(form));
      setReport(result);
      if (kind === 'save' && result.ok) onSaved();
    });

  const later = () =>
    run('later', async () => {
      await saveAccountLater(toInput(form));
      onSaved();
    });

  const props = { form, errors, update };
  return (
    <main className="setup">
      <form
        className="setup-form"
        onSubmit={phase === 'address' ? find : (e) => (e.preventDefault(), void check('save'))}
        aria-labelledby="setup-title"
        noValidate
      >
        <h1 id="setup-title">{title}</h1>
        <p className="muted">Promptly reads the mailbox your team already answers from (support@, hello@ …).</p>
        <Field {...props} name="address" label="Shared address" type="email" autoComplete="email" />
        <Field
          {...props}
          name="password"
          label="Password or app password"
          type="password"
          autoComplete="current-password"
        />
        <Field {...props} name="displayName" label="Name shown to customers (optional)" />
        {phase === 'servers' && (
          <>
            {found && (
              <p className={`discovery ${found.source === 'none' ? 'bad' : 'ok'}`} role="status">
                {sourceText(found)}
              </p>
            )}
            {found?.settings.auth === 'oauth2' && (
              <p className="note">
                {found.settings.oauthProvider === 'google' ? 'Google' : 'Microsoft 365'} mailboxes usually sign in
                through the provider’s page in your browser. Where an app password is allowed, enter it above.
              </p>
            )}
            <OAuthSignIn
              address={form.address}
              displayName={form.displayName}
              servers={serversOf(form)}
              suggested={suggestedProvider(found)}
              onConnected={onSaved}
            />
            <label className="field">
              <span>Provider</span>
              <select value={preset} onChange={(e) => choose(e.target.value)}>
                <option value="">
                  {found && found.source !== 'none' ? 'As found above' : 'Other (enter by hand)'}
                </option>
                {PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            {note && <p className="note">{note}</p>}
            <ServerFields {...props} />
          </>
        )}
        {report && (
          <ul className="connection-report" aria-label="Connection test" role="status">
            <li className={report.imap.ok ? 'ok' : 'bad'}>IMAP: {report.imap.message}</li>
            <li className={report.smtp.ok ? 'ok' : 'bad'}>SMTP: {report.smtp.message}</li>
          </ul>
        )}
        {report && !report.ok && busy === null && (
          <div className="not-saved" role="alert">
            <p>
              <strong>Nothing was saved.</strong>{' '}
              {unreachable(report)
                ? 'The server could not be reached from here. If the settings are right, save them and Promptly keeps trying to connect.'
                : 'Fix what the test says and connect again.'}
            </p>
            {unreachable(report) && (
              <button type="button" onClick={() => void later()}>
                Save and connect later
              </button>
            )}
          </div>
        )}
        {problem && (
          <p className="inline-error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          {onBack && (
            <button type="button" onClick={onBack} disabled={busy !== null}>
              Back
            </button>
          )}
          {phase === 'address' ? (
            <>
              <button type="button" onClick={() => setPhase('servers')} disabled={busy !== null}>
                Enter settings by hand
              </button>
              <button type="submit" className="primary" disabled={busy !== null}>
                {busy === 'find' ? 'Looking up settings…' : 'Continue'}
              </button>
            </>
          ) : (
            <>
              <button type="button" onClick={() => void check('test')} disabled={busy !== null}>
                {busy === 'test' ? 'Testing…' : 'Test connection'}
              </button>
              <button type="submit" className="primary" disabled={busy !== null}>
                {busy === 'save' ? 'Connecting…' : 'Connect'}
              </button>
            </>
          )}
        </div>
      </form>
    </main>
  );
}
