import { create } from 'zustand';
import { PromptlyError } from '../../../../shared/errors';

/**
 * The "who are you" dialog a team action opens when the person skipped that step, with the
 * action to run again once they have said who they are.
 */
interface IdentityPromptState {
  retry: (() => void) | null;
  ask(retry: () => void): void;
  close(): void;
}

export const useIdentityPrompt = create<IdentityPromptState>((set) => ({
  retry: null,
  ask(retry) {
    set({ retry });
  },
  close() {
    set({ retry: null });
  },
}));

/** True (and the dialog opens) when `error` says the person has not said who they are yet. */
export function askIdentityIfNeeded(error: unknown, retry: () => void): boolean {
  if (!(error instanceof PromptlyError) || error.code !== 'no-identity') return false;
  useIdentityPrompt.getState().ask(retry);
  return true;
}
