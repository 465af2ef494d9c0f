import { useEffect, useState } from 'react';
import type { OAuthAvailability, OAuthProvider, OAuthStart } from '../../../../shared/oauth';
import { errorText } from '../../callErrors';
import { oauthProviders } from './oauthStore';
import { SharedMailboxChoice, type MailboxChoice } from './SharedMailboxChoice';
import { useSignInFlow } from './useSignInFlow';
import './oauth.css';

type Named = OAuthAvailability['provider'];

const LABELS: Record<Named, string> = {
  microsoft: 'Sign in with Microsoft',
  google: 'Sign in with Google',
  issuer: 'Sign in with another provider',
};

interface Props {
  /** The shared mailbox's address as typed (Microsoft learns it from here). */
  address: string;
  displayName?: string;
  /** The mail servers as entered; an issuer's mailbox needs them, Microsoft and Google bring their own. */
  servers?: OAuthStart['servers'];
  /** The provider discovery found for the domain, offered first. */
  suggested?: 'microsoft' | 'google';
  /** Sign in again with this provider only (Settings → Mailbox). */
  only?: OAuthProvider;
  /** Signing in again for a shared mailbox opened with delegated access: the person who signs in. */
  signInAs?: string;
  /** Signed in, both servers answered, the account is saved. */
  onConnected: () => void;
}

function kindOf(provider: OAuthProvider): Named {
  if (provider === 'microsoft') return 'microsoft';
  return provider === 'google' ? 'google' : 'issuer';
}

/**
 * "Sign in with Microsoft / Google / another provider": starts the browser sign-in, shows its
 * link (nothing may have opened a browser) and a Cancel while it runs, and reports the outcome.
 */
export function OAuthSignIn({ address, displayName = '', servers, suggested, only, signInAs, onConnected }: Props) {
  const [available, setAvailable] = useState<OAuthAvailability[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [issuer, setIssuer] = useState('');
  const [askIssuer, setAskIssuer] = useState(false);
  const [mailbox, setMailbox] = useState<MailboxChoice>({ delegated: false, signInAs: '' });
  const { flow, problem, start: begin, cancel } = useSignInFlow(onConnected);

  useEffect(() => {
    oauthProviders().then(setAvailable, (error: unknown) => setLoadProblem(errorText(error)));
  }, []);

  const start = (provider: OAuthProvider) =>
    begin({
      provider,
      address: address.trim() || undefined,
      signInAs: only ? signInAs : (mailbox.delegated && mailbox.signInAs.trim()) || undefined,
      displayName,
      servers: kindOf(provider) === 'issuer' ? servers : undefined,
    });

  if (flow.state === 'waiting')
    return (
      <section className="oauth-signin oauth-waiting" aria-label="Signing in" role="status">
        <p>
          <strong>Finish signing in in your browser.</strong> Promptly continues by itself once you have.
        </p>
        <p className="muted">
          No browser opened?{' '}
          <a href={flow.url} target="_blank" rel="noreferrer">
            Open the sign-in page
          </a>
        </p>
        <div className="actions">
          <button type="button" onClick={() => void cancel()}>
            Cancel
          </button>
        </div>
      </section>
    );

  const order: Named[] = only
    ? [kindOf(only)]
    : suggested
      ? [suggested, ...(['microsoft', 'google', 'issuer'] as const).filter((p) => p !== suggested)]
      : ['microsoft', 'google', 'issuer'];
  return (
    <fieldset className="oauth-signin">
      <legend>{only ? 'Sign in through your provider' : 'Or sign in through your provider, without a password'}</legend>
      {flow.state === 'connected' && <p className="discovery ok">Signed in as {flow.address}.</p>}
      {!only && <SharedMailboxChoice value={mailbox} onChange={setMailbox} />}
      {order.map((kind) => {
        const info = available?.find((a) => a.provider === kind);
        const ready = info?.configured ?? false;
        const primary = kind === (suggested ?? (only && kindOf(only)));
        if (kind === 'issuer' && askIssuer)
          // Not a nested <form>: this sits inside the setup form.
          return (
            <div key={kind} className="oauth-issuer">
              <label className="field">
                <span>Sign-in server (issuer URL)</span>
                <input
                  type="url"
                  value={issuer}
                  placeholder="https://auth.example.com"
                  autoFocus
                  onChange={(e) => setIssuer(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    if (issuer.trim()) void start(issuer.trim());
                  }}
                />
              </label>
              <button type="button" onClick={() => void start(issuer.trim())} disabled={!issuer.trim()}>
                Sign in with this provider
              </button>
            </div>
          );
        return (
          <div key={kind} className="oauth-choice">
            <button
              type="button"
              className={primary ? 'primary' : undefined}
              disabled={!ready}
              aria-describedby={ready ? undefined : `oauth-help-${kind}`}
              onClick={() => (only ? void start(only) : kind === 'issuer' ? setAskIssuer(true) : void start(kind))}
            >
              {only ? 'Sign in again' : LABELS[kind]}
              {available && !ready && ' (not set up)'}
            </button>
            {info && !ready && info.help && (
              <p className="note" id={`oauth-help-${kind}`}>
                {info.help}
              </p>
            )}
          </div>
        );
      })}
      {(problem ?? loadProblem) && (
        <p className="inline-error" role="alert">
          {problem ?? loadProblem}
        </p>
      )}
    </fieldset>
  );
}
