import { useEffect, useRef } from 'react';
import type { AccountView } from '../../../../shared/types';
import { IdentityStep } from './IdentityStep';
import { useIdentityPrompt } from './identityPrompt';

/** The dialog form of the "who are you" step; saving runs the action that asked for it. */
export function IdentityPrompt({ account }: { account: AccountView | null }) {
  const retry = useIdentityPrompt((s) => s.retry);
  const before = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!retry) return;
    before.current = document.activeElement as HTMLElement | null;
    return () => before.current?.focus();
  }, [retry]);
  if (!retry) return null;
  const close = () => useIdentityPrompt.getState().close();
  return (
    <div
      className="overlay identity-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="who-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
        e.stopPropagation();
      }}
    >
      <IdentityStep
        account={account}
        lead="Team actions carry your name, so teammates see who did what. Say who you are once; Promptly remembers it on this computer."
        skipLabel="Cancel"
        onSkip={close}
        onDone={() => {
          close();
          retry();
        }}
      />
    </div>
  );
}
