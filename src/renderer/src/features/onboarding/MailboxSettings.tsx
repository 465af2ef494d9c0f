import { useState } from 'react';
import type { AccountView, ConnectionReport } from '../../../../shared/types';
import { errorText } from '../../callErrors';
import { saveAccount, testSavedAccount } from './mailboxStore';
import { OAuthSignIn } from '../setup/OAuthSignIn';
import { SetupScreen } from '../setup/SetupScreen';
import { useApp } from './appStore';
import { ConnectionLine } from './ConnectionLine';
import { RemoveMailbox } from './RemoveMailbox';
import './onboarding.css';

function serverText(s: AccountView['imap']): string {
  const security = s.tls === 'tls' ? 'TLS' : s.tls === 'starttls' ? 'STARTTLS' : 'no encryption';
  return `${s.host}:${s.port} (${security})`;
}

function providerName(provider: string): string {
  if (provider === 'microsoft') return 'Microsoft';
  if (provider === 'google') return 'Google';
  return provider;
}

/** Sign in again with a new password, keeping every other setting. */
function SignInAgain({ account, onDone }: { account: AccountView; onDone: (r: ConnectionReport) => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="tw-form"
      aria-label="Sign in again"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setProblem(null);
        const { address, displayName, user, imap, smtp } = account;
        saveAccount({ address, displayName, user, imap, smtp, password })
          .then(onDone, (error: unknown) => setProblem(errorText(error)))
          .finally(() => setBusy(false));
      }}
    >
      <label>
        Password or app password for {account.user}
        <input
          type="password"
          value={password}
          autoFocus
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {problem && (
        <p className="tw-error" role="alert">
          {problem}
        </p>
      )}
      <div className="tw-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}

function ReportLines({ report }: { report: ConnectionReport }) {
  return (
    <ul className="connection-report" aria-label="Connection test" role="status">
      <li className={report.imap.ok ? 'ok' : 'bad'}>IMAP: {report.imap.message}</li>
      <li className={report.smtp.ok ? 'ok' : 'bad'}>SMTP: {report.smtp.message}</li>
    </ul>
  );
}

/** Settings → Mailbox: the connected account, a connection test, edit, sign in again, remove. */
export function MailboxSettings() {
  const info = useApp((s) => s.info);
  const [panel, setPanel] = useState<'none' | 'edit' | 'signin' | 'remove'>('none');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const account = info?.account ?? null;

  if (info?.mode === 'demo' || !account)
    return (
      <section className="tw-settings mailbox-settings" aria-labelledby="mailbox-title">
        <h2 id="mailbox-title">Mailbox</h2>
        <p>
          This is the demo mailbox: made-up customers. Replies stay on this computer, and customers answer within a few
          minutes.
        </p>
        <button type="button" className="primary" onClick={() => void useApp.getState().connectMailbox()}>
          Connect your mailbox
        </button>
      </section>
    );

  async function test() {
    setBusy(true);
    setProblem(null);
    setReport(null);
    try {
      setReport(await testSavedAccount());
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }
  const saved = (r: ConnectionReport) => {
    setReport(r);
    if (r.ok) {
      setPanel('none');
      void useApp.getState().load();
    }
  };
  return (
    <section className="tw-settings mailbox-settings" aria-labelledby="mailbox-title">
      <h2 id="mailbox-title">Mailbox</h2>
      <dl className="mailbox-facts">
        <dt>Shared address</dt>
        <dd>{account.address}</dd>
        <dt>Signs in as</dt>
        <dd>
          {account.auth.kind === 'oauth2' ? (account.auth.signInAs ?? account.user) : account.user}
          {account.auth.kind === 'oauth2' && ` (through ${providerName(account.auth.provider)})`}
        </dd>
        <dt>Incoming (IMAP)</dt>
        <dd>{serverText(account.imap)}</dd>
        <dt>Outgoing (SMTP)</dt>
        <dd>{serverText(account.smtp)}</dd>
        <dt>Connection</dt>
        <dd>
          <ConnectionLine />
        </dd>
      </dl>
      <div className="tw-buttons">
        <button type="button" onClick={() => void test()} disabled={busy}>
          {busy ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}>
          Edit
        </button>
        <button type="button" onClick={() => setPanel(panel === 'signin' ? 'none' : 'signin')}>
          Sign in again
        </button>
        <button type="button" className="danger" onClick={() => setPanel('remove')}>
          Remove…
        </button>
      </div>
      {report && <ReportLines report={report} />}
      {problem && (
        <p className="tw-error" role="alert">
          {problem}
        </p>
      )}
      {panel === 'signin' && account.auth.kind === 'oauth2' && (
        <OAuthSignIn
          address={account.address}
          displayName={account.displayName}
          servers={{ imap: account.imap, smtp: account.smtp }}
          only={account.auth.provider}
          signInAs={account.auth.signInAs}
          onConnected={() => {
            setPanel('none');
            void useApp.getState().load();
          }}
        />
      )}
      {panel === 'signin' && account.auth.kind === 'password' && <SignInAgain account={account} onDone={saved} />}
      {panel === 'edit' && (
        <SetupScreen
          title="Edit the mailbox settings"
          initial={{
            address: account.address,
            displayName: account.displayName,
            user: account.user,
            imapHost: account.imap.host,
            imapPort: String(account.imap.port),
            imapTls: account.imap.tls,
            smtpHost: account.smtp.host,
            smtpPort: String(account.smtp.port),
            smtpTls: account.smtp.tls,
          }}
          onBack={() => setPanel('none')}
          onSaved={() => {
            setPanel('none');
            void useApp.getState().load();
          }}
        />
      )}
      {panel === 'remove' && <RemoveMailbox account={account} onCancel={() => setPanel('none')} />}
    </section>
  );
}
