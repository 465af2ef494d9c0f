import type { ErrorCode } from '../shared/errors';

/**
 * An error raised on purpose, with a stable code and a message for a person (and, for forms,
 * the problem per field). Every layer throws this one type; the service turns it into the
 * contract's ErrorInfo (service/errorInfo.ts).
 */
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
