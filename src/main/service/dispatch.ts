import { calls, type CallName, type CallOutcome, type CallResult } from '../../shared/contract';
import { fieldErrors } from '../../shared/schemas';
import type { Handlers } from './types';
import { toErrorInfo } from './errorInfo';

/** Whether a string names a call of the contract. */
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

/**
 * Validates the arguments of a call against the contract and runs it. Every transport
 * (IPC, WebSocket bridge) goes through here, so nothing runs on unvalidated input.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawArgs: unknown,
): Promise<CallOutcome<CallResult<CallName>>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: `"${name}" is not something Promptly can do.` } };
  }
  const parsed = calls[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.entries(fields)[0];
    return {
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: first ? `${first[0]}: ${first[1]}` : 'The request was not valid.',
        fields,
      },
    };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<CallResult<CallName>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
