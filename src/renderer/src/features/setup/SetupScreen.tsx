import { useState, type FormEvent } from 'react';
import type { ConnectionReport } from '../../../../shared/types';
import type { DiscoveryResult } from '../../../../shared/discovery';
import { PromptlyError } from '../../../../shared/errors';
import { errorText } from '../../callErrors';
import { PRESETS } from './presets';
import { discoverSettings, saveAccount, saveAccountLater, testAccount } from '../onboarding/mailboxStore';
import { Field, ServerFields } from './ServerFields';
import { OAuthSignIn } from './OAuthSignIn';
import { ConnectionReportView, DiscoveryNote, ProviderPicker, SetupActions } from './SetupParts';
import { EMPTY_FORM, FIELD_PATHS, serversOf, suggestedProvider, toInput, withDiscovered, type Form } from './setupForm';

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
            <DiscoveryNote found={found} />
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
            <ProviderPicker preset={preset} found={found} onChoose={choose} />
            <ServerFields {...props} />
          </>
        )}
        <ConnectionReportView report={report} busy={busy !== null} onLater={() => void later()} />
        {problem && (
          <p className="inline-error" role="alert">
            {problem}
          </p>
        )}
        <SetupActions
          phase={phase}
          busy={busy}
          onBack={onBack}
          onByHand={() => setPhase('servers')}
          onTest={() => void check('test')}
        />
      </form>
    </main>
  );
}
