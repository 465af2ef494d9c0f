import { useOutbox } from './stores';

/** "Not sent" on a conversation's row while one of its replies failed or may not have gone. */
export function NotSentMark({ threadId }: { threadId: number }) {
  const failed = useOutbox((s) =>
    s.items.some((i) => i.threadId === threadId && (i.state === 'failed' || i.state === 'uncertain')),
  );
  if (!failed) return null;
  return (
    <span className="not-sent" role="img" aria-label="Not sent: a reply failed; see the Outbox" title="See the Outbox">
      Not sent
    </span>
  );
}
