import { useEffect, useState } from 'react';
import type { ThreadTeamView } from '../../../../shared/team';
import type { DueView } from '../../../../shared/types';
import { dueText, initialsOf, promiseChipText, whenText } from './format';
import './teamwork.css';

/** Props of {@link OwnerBadge}. */
export interface OwnerBadgeProps {
  team: ThreadTeamView;
  /** The name to show for `team.handoffTo` (default: the address). */
  handoffName?: string;
  /** Show "offered to X" next to the avatar (off in dense rows). */
  showHandoff?: boolean;
}

/**
 * The owner as an initials avatar, full name in the label. An unowned thread is shown as a
 * visible problem (principle 1), an unconfirmed action as pending, an open offer as "offered to".
 */
export function OwnerBadge({ team, handoffName, showHandoff = true }: OwnerBadgeProps) {
  const owner = team.owner ? team.ownerName || team.owner : null;
  const offered = team.handoffTo ? handoffName || team.handoffTo : null;
  const pending = team.pending > 0;
  const label = [
    owner ? `Owner: ${owner}` : 'Unassigned',
    offered ? `offered to ${offered}` : '',
    pending ? 'not yet confirmed by the server' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span className="tw-owner" role="img" aria-label={label} title={label}>
      <span className={`tw-avatar${owner ? '' : ' unowned'}`} aria-hidden="true">
        {owner ? initialsOf(team.ownerName, team.owner) : '?'}
      </span>
      {pending && (
        <span className="tw-pending" aria-hidden="true" data-testid="owner-pending">
          …
        </span>
      )}
      {offered && showHandoff && (
        <span className="tw-offer" aria-hidden="true">
          offered to {offered}
        </span>
      )}
    </span>
  );
}

/** The current time, refreshed every `everyMs` (default: a minute). */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const STATE_WORDS = { calm: 'on time', 'due-soon': 'due soon', overdue: 'overdue' } as const;

/**
 * The countdown chip: "due in 3 h" or "overdue 20 min", coloured calm, due soon or overdue.
 * A promised answer reads "Promised Fri 17:00" instead, turning due soon and overdue the same way.
 * The state is the service's; only a deadline already past is shown as overdue before the
 * next refetch.
 */
export function DueChip({ due, now: fixedNow }: { due: DueView; now?: number }) {
  const ticking = useNow();
  const now = fixedNow ?? ticking;
  const state = now >= due.dueAt ? 'overdue' : due.state;
  const promise = due.reason === 'promise';
  const when = whenText(due.dueAt);
  const text = promise ? promiseChipText(due.dueAt, now) : dueText(due.dueAt, now);
  const label = promise
    ? `Answer promised by ${when} (${state === 'overdue' ? 'promise overdue' : STATE_WORDS[state]})`
    : `Reply ${text} (${STATE_WORDS[state]})`;
  return (
    <time
      className={`tw-due ${state}${promise ? ' promise' : ''}`}
      dateTime={new Date(due.dueAt).toISOString()}
      title={promise ? label : `Reply ${STATE_WORDS[state]}: ${when}`}
      aria-label={label}
      data-state={state}
      data-reason={due.reason}
    >
      {text}
    </time>
  );
}

/**
 * Waiting on customer, closed, or snoozed; nothing for an open thread. A thread with an open
 * promise is not "waiting": the team owes the answer, and the promise chip says so.
 */
export function StatusMark({
  team,
  promised = false,
  now = Date.now(),
}: {
  team: ThreadTeamView;
  promised?: boolean;
  now?: number;
}) {
  if (team.snoozedUntil !== null && team.snoozedUntil > now) {
    const until = whenText(team.snoozedUntil);
    return (
      <span className="tw-status snoozed" aria-label={`Snoozed until ${until}`} title={`Snoozed until ${until}`}>
        Snoozed
      </span>
    );
  }
  if (team.status === 'waiting' && !promised)
    return (
      <span className="tw-status waiting" aria-label="Waiting on customer">
        Waiting
      </span>
    );
  if (team.status === 'closed')
    return (
      <span className="tw-status closed" aria-label="Closed">
        Closed
      </span>
    );
  return null;
}
