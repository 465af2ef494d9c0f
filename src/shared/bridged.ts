import { CALL_NAMES } from './channels';
import type { CallInput, CallName, CallOutcome, CallResult, PromptlyApi } from './contract';
import { PromptlyError } from './errors';

/**
 * What the preload exposes to the page: every call resolves to its outcome instead of
 * throwing. Electron's context bridge copies only the message of an error thrown across
 * it, so a thrown error would lose its `code` and `fields` (the offline banner and the
 * per-field form errors need them). The renderer turns outcomes back into throws with
 * `apiFromOutcomes`.
 */
export type BridgedApi = {
  [K in CallName]: (args: CallInput<K>) => Promise<CallOutcome<CallResult<K>>>;
} & Pick<PromptlyApi, 'on'>;

/** The value of an outcome, or its error thrown as a `PromptlyError` with code and fields. */
export function unwrapOutcome<T>(outcome: CallOutcome<T>): T {
  if (!outcome.ok) throw new PromptlyError(outcome.error);
  return outcome.value;
}

/** The renderer's API over the preload's outcome-returning object. */
export function apiFromOutcomes(bridged: BridgedApi): PromptlyApi {
  const call = (name: CallName) => async (args: unknown) =>
    unwrapOutcome(await (bridged[name] as (args: unknown) => Promise<CallOutcome<unknown>>)(args));
  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, call(name)])) as Omit<PromptlyApi, 'on'>;
  return { ...calls, on: (event, listener) => bridged.on(event, listener) };
}
