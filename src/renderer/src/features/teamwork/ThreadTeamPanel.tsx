import { useEffect, useState } from 'react';
import type { ThreadDetail } from '../../../../shared/types';
import { actOn } from './act';
import { OwnerBadge, StatusMark } from './badges';
import { ReplyingMark } from './Replying';
import { whenText } from './format';
import { NoteComposer } from './NoteComposer';
import { nameOf, useRoster, useTeamOverlay } from './stores';
import './teamwork.css';

/** Props of {@link ThreadTeamPanel}. */
export interface ThreadTeamPanelProps {
  /** The open thread as `thread.get` returned it (the thread store refetches on changes). */
  detail: ThreadDetail;
}

const OUTCOME_WORDS = { applied: '', pending: 'pending', lost: 'lost to a conflict' } as const;

/**
 * The team side of an open thread: who owns it, a handoff offer to accept or decline,
 * internal notes with a note box (`n`), and the activity timeline.
 */
export function ThreadTeamPanel({ detail }: ThreadTeamPanelProps) {
  const teammates = useRoster((s) => s.teammates);
  const me = useRoster((s) => s.me);
  const loaded = useRoster((s) => s.loaded);
  const [busy, setBusy] = useState(false);
  const { thread, notes, activity } = detail;
  const team = thread.team;

  useEffect(() => {
    if (!loaded) void useRoster.getState().load();
  }, [loaded]);

  async function run(action: Parameters<typeof actOn>[1]) {
    setBusy(true);
    await actOn(thread.id, action);
    setBusy(false);
  }

  const offeredToMe = team.handoffTo !== null && me !== null && team.handoffTo === me.address;
  const ownerName = team.owner ? team.ownerName || nameOf(teammates, team.owner) : null;
  const mine = team.owner !== null && me !== null && team.owner === me.address;
  return (
    <aside className="tw-panel" aria-label="Team">
      <section className="tw-owner-line" aria-label="Owner">
        <OwnerBadge team={team} handoffName={nameOf(teammates, team.handoffTo)} showHandoff={false} />
        <span>{ownerName ? (mine ? 'You own this' : `${ownerName} owns this`) : 'Nobody owns this yet'}</span>
        <StatusMark team={team} promised={thread.due?.reason === 'promise'} />
        {!mine && (
          <button type="button" disabled={busy} onClick={() => void run({ type: 'claim' })}>
            Claim <kbd>a</kbd>
          </button>
        )}
        <button type="button" onClick={() => useTeamOverlay.getState().show({ kind: 'assign', threadId: thread.id })}>
          Assign… <kbd>Shift</kbd> <kbd>A</kbd>
        </button>
      </section>

      <ReplyingMark replying={team.replying} variant="thread" />

      {team.handoffTo && (
        <section className="tw-offer-box" aria-label="Handoff">
          {offeredToMe ? (
            <>
              <p>{ownerName ?? 'A teammate'} offered you this conversation. It stays with them until you accept.</p>
              <div className="tw-buttons">
                <button type="button" className="primary" disabled={busy} onClick={() => void run({ type: 'accept' })}>
                  Accept
                </button>
                <button type="button" disabled={busy} onClick={() => void run({ type: 'decline', reason: '' })}>
                  Decline
                </button>
              </div>
            </>
          ) : (
            <p>
              Offered to {nameOf(teammates, team.handoffTo)}; {ownerName ?? 'the owner'} keeps it until they accept.
            </p>
          )}
        </section>
      )}

      <section className="tw-notes" aria-label="Notes">
        <h2>Notes</h2>
        {notes.length === 0 && <p className="muted">No notes yet.</p>}
        <ul>
          {notes.map((n, i) => (
            <li key={`${n.at}-${i}`} className={n.pending ? 'pending' : ''}>
              <div className="tw-meta">
                <strong>{n.actorName || n.actor}</strong> <time>{whenText(n.at)}</time>
                {n.pending && <span className="tw-tag"> pending</span>}
              </div>
              <p className="tw-note-text">{n.text}</p>
            </li>
          ))}
        </ul>
        <NoteComposer threadId={thread.id} teammates={teammates} />
      </section>

      <section className="tw-activity" aria-label="Activity">
        <h2>Activity</h2>
        {activity.length === 0 && <p className="muted">Nothing has happened yet.</p>}
        <ol>
          {activity.map((a, i) => (
            <li
              key={`${a.at}-${i}`}
              className={`${a.outcome}${a.promise ? ` promise-${a.promise}` : ''}`}
              data-promise={a.promise}
            >
              <time>{whenText(a.at)}</time>{' '}
              <span>
                {a.text}
                {a.when && ` ${a.when.word} ${whenText(a.when.at)}`}
              </span>
              {a.outcome !== 'applied' && <span className="tw-tag"> ({OUTCOME_WORDS[a.outcome]})</span>}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
