import { useSignInFlow } from '../setup/useSignInFlow';
import { useApp } from './appStore';

/**
 * "Microsoft signed you out of support@…" with the button that runs the provider's sign-in for
 * this mailbox again; sync and the waiting replies resume by themselves once it succeeds.
 */
export function SignedOutLine({ message }: { message: string }) {
  const account = useApp((s) => s.info?.account ?? null);
  const { flow, problem, start, cancel } = useSignInFlow(() => undefined);
  if (flow.state === 'waiting')
    return (
      <span className="connection-line signed-out" role="status" aria-label="Signing in again">
        Finish signing in in your browser.{' '}
        <a href={flow.url} target="_blank" rel="noreferrer">
          Open the sign-in page
        </a>{' '}
        <button type="button" className="link" onClick={() => void cancel()}>
          Cancel
        </button>
      </span>
    );
  const oauth = account?.auth.kind === 'oauth2' ? account.auth : null;
  return (
    <span className="connection-line signed-out" role="status">
      {message}
      {account && oauth && (
        <>
          {' '}
          <button
            type="button"
            className="primary"
            onClick={() =>
              void start({
                provider: oauth.provider,
                address: account.address,
                signInAs: oauth.signInAs,
                displayName: account.displayName,
                servers: { imap: account.imap, smtp: account.smtp },
              })
            }
          >
            Sign in again
          </button>
        </>
      )}
      {problem && (
        <span className="inline-error" role="alert">
          {' '}
          {problem}
        </span>
      )}
    </span>
  );
}
