import { useEffect, useRef } from 'react';
import { tellReplying } from '../composerStore';

/** How often an open composer with text renews its presence (the engine sends at most one a minute). */
const RENEW_MS = 30_000;

/**
 * Tells teammates that this composer holds a reply to `threadId` while its text is not blank,
 * and that it stopped when the text is cleared or the composer closes (sent or discarded).
 * The engine decides what actually goes to the team log (team/presence.ts).
 */
export function usePresence(threadId: number, text: string): void {
  const writing = text.trim() !== '';
  const told = useRef(false);
  useEffect(() => {
    if (!writing) {
      if (told.current) void tellReplying(threadId, false);
      told.current = false;
      return;
    }
    told.current = true;
    void tellReplying(threadId, true);
    const renew = setInterval(() => void tellReplying(threadId, true), RENEW_MS);
    return () => clearInterval(renew);
  }, [threadId, writing]);
  useEffect(
    () => () => {
      if (told.current) void tellReplying(threadId, false);
    },
    [threadId],
  );
}
