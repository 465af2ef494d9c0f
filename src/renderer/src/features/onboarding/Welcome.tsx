import { useState } from 'react';
import { errorText } from '../../callErrors';
import { useApp } from './appStore';
import './onboarding.css';

/** First launch without a mailbox: connect the team's own, or look around the demo first. */
export function Welcome() {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function demo() {
    setBusy(true);
    setProblem(null);
    try {
      await useApp.getState().openDemo();
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  }
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Promptly</h1>
      <p className="welcome-lead">
        A help desk for the mailbox your team already answers from (support@, hello@ …). Every conversation gets one
        owner, and every customer hears back from a person.
      </p>
      <div className="welcome-choices">
        <button
          type="button"
          className="welcome-choice primary"
          autoFocus
          disabled={busy}
          onClick={() => useApp.getState().setStage('setup')}
        >
          <strong>Connect your team’s mailbox</strong>
          <span>Start from its address; Promptly finds the server settings.</span>
        </button>
        <button type="button" className="welcome-choice" disabled={busy} onClick={() => void demo()}>
          <strong>Explore the demo</strong>
          <span>A sample help desk that lives only on this computer. Connect your own mailbox any time.</span>
        </button>
      </div>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </main>
  );
}
