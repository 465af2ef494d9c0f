import type { OutboxErrorCode } from '../../shared/outbox';

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
