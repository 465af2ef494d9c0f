import { useEffect, useRef, useState } from 'react';
import type { OAuthSignInState, OAuthStart } from '../../../../shared/oauth';
import { errorText } from '../../callErrors';
import { cancelOAuth, oauthStatus, startOAuth } from './oauthStore';

/** How often the page asks whether the browser sign-in has finished. */
const POLL_MS = 700;

/** A browser sign-in as a component sees it: where it stands, what went wrong, start and cancel. */
export interface SignInFlow {
  flow: OAuthSignInState;
  problem: string | null;
  start(input: OAuthStart): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * Runs one browser sign-in through the engine (`oauth.start`), asks how it stands while the
 * person is in the browser, and calls `onConnected` once the mailbox is signed in and saved.
 */
export function useSignInFlow(onConnected: () => void): SignInFlow {
  const [flow, setFlow] = useState<OAuthSignInState>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const done = useRef(onConnected);
  done.current = onConnected;

  function show(next: OAuthSignInState): void {
    setFlow(next);
    if (next.state === 'failed') setProblem(next.message);
    if (next.state === 'connected') done.current();
  }

  useEffect(() => {
    if (flow.state !== 'waiting') return;
    const timer = setInterval(() => {
      oauthStatus().then(
        (status) => show(status.flow),
        (error: unknown) => setProblem(errorText(error)),
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [flow.state]);

  return {
    flow,
    problem,
    async start(input) {
      setProblem(null);
      try {
        show((await startOAuth(input)).flow);
      } catch (error) {
        setProblem(errorText(error));
      }
    },
    async cancel() {
      setFlow((await cancelOAuth()).flow);
    },
  };
}
