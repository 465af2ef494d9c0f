import { useEffect, useState } from 'react';
import type { QueuedReply, OutboxState } from '../../../../shared/outbox';
import { outboxAction } from './stores';
import { errorText } from '../../callErrors';
import { whenText } from './format';
import { needsAttention, useOutbox } from './stores';
import './teamwork.css';

const STATE_WORDS: Record<OutboxState, string> = {
  queued: 'Queued',
  sending: 'Sending',
  accepted: 'Sent (filing in Sent)',
  filed: 'Sent',
  failed: 'Not sent',
  uncertain: 'May not have been sent',
  cancelled: 'Cancelled',
};

/** What the outbox says about when an item goes, or went. */
function timing(item: QueuedReply, now: number): string {
  if (item.state === 'queued') return item.sendAt > now ? `sends ${whenText(item.sendAt)}` : 'sending soon';
  if (item.state === 'failed' && item.retryAt) return `retries ${whenText(item.retryAt)}`;
  if (item.filedAt) return `sent ${whenText(item.filedAt)}`;
  if (item.acceptedAt) return `sent ${whenText(item.acceptedAt)}`;
  return `written ${whenText(item.createdAt)}`;
}

/** One reply in the outbox with the buttons its state allows. */
function OutboxRow({ item, now }: { item: QueuedReply; now: number }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subject = item.subject || '(no subject)';
  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setProblem(null);
    try {
      await call();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }
  const cancellable = item.state === 'queued' || item.state === 'failed' || item.state === 'uncertain';
  return (
    <li className={`tw-outbox-item ${item.state}`} aria-label={`${subject}: ${STATE_WORDS[item.state]}`}>
      <div className="tw-row">
        <span className={`tw-state ${item.state}`}>{STATE_WORDS[item.state]}</span>
        {item.courtesy && <span className="tw-tag">courtesy</span>}
        <strong className="tw-grow">{subject}</strong>
        <span className="muted">{timing(item, now)}</span>
      </div>
      <div className="muted">To {item.to.join(', ') || '—'}</div>
      {item.error && <p className="tw-error">{item.error.message}</p>}
      {item.state === 'failed' && (
        <p className="muted">
          Nothing reached {item.to.join(', ') || 'the recipients'}.{' '}
          {item.retryAt
            ? 'Promptly tries again by itself; Retry sends it now.'
            : 'Promptly does not retry this by itself: Retry sends it again now.'}
        </p>
      )}
      {problem && (
        <p className="tw-error" role="alert">
          {problem}
        </p>
      )}
      <div className="tw-buttons">
        {item.state === 'failed' && (
          <button type="button" disabled={busy} onClick={() => void run(() => outboxAction('retry', item.id))}>
            Retry
          </button>
        )}
        {item.state === 'uncertain' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => outboxAction('sendAgain', item.id))}
            aria-label={`Send again: ${subject} (it may already have been sent)`}
          >
            Send again
          </button>
        )}
        {cancellable && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => outboxAction('cancel', item.id))}
            aria-label={`Cancel: ${subject}`}
          >
            Cancel
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * The outbox: every reply with its state and the server's reason when it failed. A reply is
 * never lost and never silently sent twice, so "may not have been sent" waits for the person.
 */
export function OutboxView({ now = Date.now() }: { now?: number }) {
  const items = useOutbox((s) => s.items);
  const error = useOutbox((s) => s.error);
  useEffect(() => {
    void useOutbox.getState().refresh();
  }, []);
  const shown = [...items].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="tw-outbox" aria-label="Outbox" id="outbox-view" tabIndex={-1}>
      <h1>Outbox</h1>
      {error && <p role="alert">{error}</p>}
      {shown.length === 0 && !error && <p className="muted">Nothing in the outbox.</p>}
      <ul>
        {shown.map((item) => (
          <OutboxRow key={item.id} item={item} now={now} />
        ))}
      </ul>
    </section>
  );
}

/** How many replies in the Outbox need a person (not sent, or maybe sent). */
export function useOutboxAttention(): number {
  return useOutbox((s) => needsAttention(s.items));
}

/** The sidebar badge: how many replies failed or may not have been sent (nothing when none). */
export function OutboxBadge() {
  const count = useOutboxAttention();
  if (count === 0) return null;
  return (
    <span
      className="tw-badge"
      role="status"
      aria-label={`${count} ${count === 1 ? 'reply needs' : 'replies need'} attention`}
    >
      {count}
    </span>
  );
}
