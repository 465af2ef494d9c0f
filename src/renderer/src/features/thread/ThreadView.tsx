import { useTriage } from '../../stores/threads';

/** One conversation, messages oldest first, as plain text (never HTML here). */
export function ThreadView() {
  const open = useTriage((s) => s.open);
  const close = useTriage((s) => s.close);
  if (!open) return null;
  return (
    <article className="thread-view" aria-label={`Conversation: ${open.thread.subject}`}>
      <header>
        <button type="button" onClick={close} aria-label="Back to the list (Esc)">
          ←
        </button>
        <h1>{open.thread.subject || '(no subject)'}</h1>
      </header>
      {open.messages.map((m) => (
        <section
          key={m.id}
          className={`message${m.fromTeam ? ' from-team' : ''}`}
          aria-label={`Message from ${m.from.name || m.from.address}`}
        >
          <div className="message-head">
            <strong>{m.from.name || m.from.address}</strong> <span className="address">&lt;{m.from.address}&gt;</span>
            <time dateTime={new Date(m.date).toISOString()}>{new Date(m.date).toLocaleString()}</time>
          </div>
          <pre className="message-text">{m.text}</pre>
        </section>
      ))}
    </article>
  );
}
