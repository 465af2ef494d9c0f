import { memo } from 'react';
import type { ListedThread } from '../../../../shared/types';
import { DueChip, OwnerBadge, ReplyingMark, StatusMark } from '../teamwork';
import { Highlight } from '../search/highlight';
import { ageLabel } from './age';
import { PaperclipIcon } from '../../components/PaperclipIcon';
import { NotSentMark } from '../teamwork/NotSentMark';
import { useMarked } from '../teamwork/triage';

/** Props of one list row. */
export interface ThreadRowProps {
  thread: ListedThread | undefined;
  index: number;
  selected: boolean;
  open: boolean;
  top: number;
  height: number;
  now: number;
  matcher: RegExp | null;
  onPick(index: number): void;
}

/** One conversation in the list: sender, count, attachment mark, age, subject and snippet. */
export const ThreadRow = memo(function ThreadRow({
  thread,
  index,
  selected,
  open,
  top,
  height,
  now,
  matcher,
  onPick,
}: ThreadRowProps) {
  const style = { transform: `translateY(${top}px)`, height };
  const marked = useMarked((s) => (thread ? s.ids.includes(thread.id) : false));
  if (!thread)
    return (
      <div className="thread-row placeholder" role="option" aria-selected={selected} aria-busy="true" style={style}>
        <span className="muted">Loading…</span>
      </div>
    );
  const sender = thread.from.name || thread.from.address;
  // A snoozed thread's wake time is in its "Snoozed" mark, not a reply countdown.
  const snoozed = thread.team.snoozedUntil !== null && thread.team.snoozedUntil > now;
  // Named by its visible text, not a shorter label: people who speak a row's words to pick it
  // need every word they see in its name (WCAG 2.5.3, Label in Name).
  return (
    <div
      id={`thread-${index}`}
      role="option"
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      className={`thread-row${selected ? ' selected' : ''}${open ? ' open' : ''}${marked ? ' marked' : ''}`}
      data-marked={marked ? 'true' : undefined}
      style={style}
      data-thread-id={thread.id}
      data-thread-key={thread.key}
      onClick={() => onPick(index)}
    >
      <div className="row-top">
        {marked && (
          <span className="row-mark" title="Selected (x)">
            <span aria-hidden="true">✓</span>
            <span className="tw-sr">Selected: </span>
          </span>
        )}
        {/* Spaces between the parts keep the row's spoken name in words ("Gavin Holt 3 messages"). */}
        <span className="sender">{sender}</span>{' '}
        {thread.messageCount > 1 && (
          <span className="count">
            {thread.messageCount} <span className="tw-sr">messages</span>
          </span>
        )}{' '}
        {thread.hasAttachments && (
          <span className="attachment" role="img" aria-label="has attachments" title="Has attachments">
            <PaperclipIcon />
          </span>
        )}{' '}
        <NotSentMark threadId={thread.id} />{' '}
        <StatusMark team={thread.team} promised={thread.due?.reason === 'promise'} now={now} />{' '}
        {thread.due && !snoozed && <DueChip due={thread.due} />} <OwnerBadge team={thread.team} showHandoff={false} />{' '}
        <time className="age" dateTime={new Date(thread.lastMessageAt).toISOString()}>
          {ageLabel(thread.lastMessageAt, now)}
        </time>
      </div>
      <div className="subject">
        <Highlight text={thread.subject || '(no subject)'} matcher={matcher} />
      </div>
      <div className="snippet">
        {/* On the snippet's line, so the customer's name keeps its room. */}
        <ReplyingMark replying={thread.team.replying} variant="row" />{' '}
        <Highlight text={thread.snippet} matcher={matcher} />
      </div>
    </div>
  );
});
