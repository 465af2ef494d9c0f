import type { ErrorCode } from '../../shared/errors';

/** A sign-in failure with a stable code and a message for a person (never a token). */
export class AuthError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
  }
}

/** The sentence shown when the provider refused the refresh token (RFC 6749 5.2 invalid_grant). */
export function signedOutMessage(label: string, address: string): string {
  return `${label} signed you out of ${address}. Sync is paused until you sign in again.`;
}
