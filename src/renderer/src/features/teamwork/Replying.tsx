import type { ReplyingView } from '../../../../shared/team';
import { useNow } from './badges';
import './teamwork.css';

/** "Bob is replying", "Bob and Carol are replying": names in the order they started. */
export function replyingText(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is replying`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are replying`;
}

/**
 * Teammates writing a reply to this conversation now (docs/ARCHITECTURE.md, "Presence"). Each
 * entry says when it stops counting, so it disappears on time even if no update arrives (their
 * machine went away).
 */
export function ReplyingMark({ replying, variant }: { replying: readonly ReplyingView[]; variant: 'row' | 'thread' }) {
  const now = useNow(5_000);
  const names = replying.filter((r) => r.until > now).map((r) => r.name);
  if (names.length === 0) return null;
  const text = replyingText(names);
  return (
    <span className={`tw-replying ${variant}`} role="status" title={text} data-testid={`replying-${variant}`}>
      <span className="tw-replying-dot" aria-hidden="true" />
      {text}
      {variant === 'thread' ? '. Sending anyway still asks first.' : ''}
    </span>
  );
}
