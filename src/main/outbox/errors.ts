import type { OutboxErrorCode, OutboxProblem } from '../../shared/outbox';

/** A reply refused before it was queued, or an outbox action that does not apply. */
export class OutboxError extends Error {
  readonly code: OutboxErrorCode;
  /** Field-level problems for the composer form (e.g. `to`, `text`). */
  readonly fields?: Record<string, string>;
  constructor(code: OutboxErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'OutboxError';
    this.code = code;
    this.fields = fields;
  }

  /** The problem as stored on an item and shown in the outbox view. */
  toProblem(): OutboxProblem {
    return { code: this.code, message: this.message };
  }
}

/**
 * How safe a retry is after a failed submission. `safe`: the server surely did not take the
 * message (refused connection, explicit 4xx). `never`: it refused for good (5xx, bad login);
 * the person decides. `ambiguous`: the message was handed over and no answer came, so it may
 * have been accepted: never resend silently.
 */
export type RetryVerdict = 'safe' | 'never' | 'ambiguous';

/** A submission that did not end with 250, explained. */
export class SendFailure extends Error {
  readonly code: OutboxErrorCode;
  readonly verdict: RetryVerdict;
  /** True when the failure is about reaching the server, so other replies would fail too. */
  readonly connection: boolean;
  constructor(code: OutboxErrorCode, message: string, verdict: RetryVerdict, connection: boolean) {
    super(message);
    this.name = 'SendFailure';
    this.code = code;
    this.verdict = verdict;
    this.connection = connection;
  }
}
