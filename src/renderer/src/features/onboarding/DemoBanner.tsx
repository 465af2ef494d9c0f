import { useState } from 'react';
import { errorText } from '../../callErrors';
import { useApp } from './appStore';
import './onboarding.css';

/** The demo always says it is the demo, with the way out to the person's own mailbox. */
export function DemoBanner() {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="demo-banner" role="region" aria-label="Demo mailbox">
      <span>
        <strong>This is the demo mailbox.</strong> Its customers and teammates are made up: replies stay on this
        computer, and customers answer within a minute.
      </span>
      <button
        type="button"
        className="primary"
        onClick={() =>
          void useApp
            .getState()
            .connectMailbox()
            .catch((e: unknown) => setProblem(errorText(e)))
        }
      >
        Connect your mailbox
      </button>
      {problem && (
        <span className="inline-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
