import type { OutboxErrorCode } from './outbox';

/** Stable error codes so the UI can choose what to tell a person. */
export type ErrorCode =
  | 'invalid-arguments'
  | 'unknown-call'
  | 'not-found'
  | 'no-account'
  /** The person has not said who they are (name, address); team actions need it. */
  | 'no-identity'
  | 'dns'
  | 'connection-refused'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'auth'
  | 'signed-out'
  | 'oauth-not-configured'
  | 'too-many-connections'
  | 'server-busy'
  | 'protocol'
  | 'storage'
  | 'dangerous-attachment'
  | 'disk-full'
  | 'internal'
  | OutboxErrorCode;

/** A failure that crossed the contract: `message` is written for a person. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Field-level problems, keyed by field path (for forms). */
  fields?: Record<string, string>;
}

/** The error type both transports throw in the renderer, carrying the stable code. */
export class PromptlyError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'PromptlyError';
    this.code = info.code;
    this.fields = info.fields;
  }
}
