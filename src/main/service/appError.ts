import { OutboxError } from '../outbox/errors';
import { AuthError } from '../auth/errors';
import type { ErrorCode, ErrorInfo } from '../../shared/errors';

/** An error raised on purpose, with a stable code and a message for a person. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

/** What crosses the contract for any thrown value: AppErrors keep their code, others are internal. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError || error instanceof OutboxError || error instanceof AuthError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong inside Promptly: ${detail}. Try again; if it keeps happening, copy the diagnostics and tell the team.`,
  };
}
