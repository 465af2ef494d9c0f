import { AppError } from '../appError';
import { AuthError } from '../auth/errors';
import type { ErrorInfo } from '../../shared/errors';

/** What crosses the contract for any thrown value: AppErrors keep their code, others are internal. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError || error instanceof AuthError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong inside Promptly: ${detail}. Try again; if it keeps happening, copy the diagnostics and tell the team.`,
  };
}
