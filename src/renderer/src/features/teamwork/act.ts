import type { ThreadAction } from '../../../../shared/team';
import { api } from '../../api';
import { errorText } from '../../callErrors';
import { useTeamToasts } from './stores';
import { askIdentityIfNeeded } from '../onboarding/identityPrompt';

let problemId = 0;

/**
 * Runs one team action on a thread (`thread.act`). The thread store refetches on the
 * `threads.changed` that follows, so nothing is patched here; a refusal becomes a toast.
 */
export async function actOn(threadId: number, action: ThreadAction): Promise<boolean> {
  try {
    await api['thread.act']({ id: threadId, action });
    return true;
  } catch (error) {
    // Skipped "who are you" at setup: ask now, then run the action the person wanted.
    if (askIdentityIfNeeded(error, () => void actOn(threadId, action))) return false;
    problemId += 1;
    useTeamToasts.getState().push({
      id: `act-problem-${problemId}`,
      kind: 'conflict',
      message: errorText(error),
      threadKey: null,
    });
    return false;
  }
}

/** Snooze choices of the `h` picker, computed from `now` in local time. */
export function snoozeChoices(now: number): Array<{ id: string; label: string; until: number }> {
  const at = (days: number, hour: number) => {
    const d = new Date(now);
    d.setDate(d.getDate() + days);
    d.setHours(hour, 0, 0, 0);
    return d.getTime();
  };
  const laterToday = Math.max(now + 3 * 3_600_000, at(0, 17));
  const nextMonday = (() => {
    const day = new Date(now).getDay();
    const ahead = ((8 - day) % 7 || 7) as number;
    return at(ahead, 9);
  })();
  const choices = [
    { id: 'later', label: 'Later today', until: laterToday },
    { id: 'tomorrow', label: 'Tomorrow morning', until: at(1, 9) },
    { id: 'next-week', label: 'Next week', until: nextMonday },
  ];
  // Past 21:00 "later today" is tomorrow already; leave it out rather than mislead.
  return new Date(laterToday).getDate() === new Date(now).getDate() ? choices : choices.slice(1);
}
