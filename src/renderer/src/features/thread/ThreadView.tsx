import { FOCUS } from '../../keymap/actions';
import { useOpenThread } from '../../stores/thread';
import { CustomerPanel } from '../customer/CustomerPanel';
import { ComposerHost, PromiseLine, ThreadTeamPanel } from '../teamwork';
import { MessageCard, type MessageWithBody } from './MessageCard';

/**
 * The open conversation: messages oldest first, and the customer beside it. The article
 * element stays mounted while a thread loads, so focus placed on it is never lost.
 */
export function ThreadView({ teamAddress, onBack }: { teamAddress: string | null; onBack: () => void }) {
  const detail = useOpenThread((s) => s.detail);
  const error = useOpenThread((s) => s.error);
  const subject = detail ? detail.thread.subject || '(no subject)' : '';
  return (
    <div className="thread-layout">
      <article
        className="thread-pane"
        id={FOCUS.thread}
        tabIndex={-1}
        aria-label={detail ? `Conversation: ${subject}` : 'Conversation'}
        aria-busy={!detail && !error}
      >
        {error && <div role="alert">{error}</div>}
        {!error && !detail && <div className="muted">Opening…</div>}
        {detail && (
          <>
            <header className="thread-head">
              <button type="button" className="icon" onClick={onBack} aria-label="Back to the list (Esc)">
                ←
              </button>
              <h1>{subject}</h1>
              <span className="muted">
                {detail.messages.length} {detail.messages.length === 1 ? 'message' : 'messages'}
              </span>
            </header>
            <PromiseLine thread={detail.thread} promisedAt={detail.openPromiseAt} />
            {detail.messages.map((m, i) => (
              <MessageCard key={m.id} message={m as MessageWithBody} threadId={detail.thread.id} first={i === 0} />
            ))}
            <ComposerHost threadId={detail.thread.id} />
            <ThreadTeamPanel detail={detail} />
          </>
        )}
      </article>
      {detail && <CustomerPanel threadId={detail.thread.id} messages={detail.messages} teamAddress={teamAddress} />}
    </div>
  );
}
