import type { MessageView } from '../../../../shared/types';
import { HtmlMessage } from './HtmlMessage';
import { Attachments, useInlineImages } from './Attachments';
import { PaperclipIcon } from '../../components/PaperclipIcon';
import { UnreadableCard } from './UnreadableCard';
import { dateTimeText } from '../../dates';
import { chooseMessage, MessageSplit } from '../teamwork';

/** A message as the pane shows it (the HTML part, attachments and the image choice included). */
export type MessageWithBody = MessageView;

function who(p: { name: string; address: string }): string {
  return p.name || p.address;
}

/** One message of a conversation: header, then the HTML body (isolated) or the plain text. */
export function MessageCard({
  message,
  threadId,
  first = true,
}: {
  message: MessageWithBody;
  /** The conversation it is in; with `first` false the card offers "Split from here". */
  threadId?: number;
  first?: boolean;
}) {
  const date = new Date(message.date);
  const inlineImages = useInlineImages(message);
  return (
    <section
      className={`message${message.fromTeam ? ' from-team' : ''}`}
      aria-label={`Message from ${who(message.from)}, ${dateTimeText(message.date)}`}
      onFocus={() => chooseMessage(message.messageId)}
      onClick={() => chooseMessage(message.messageId)}
    >
      <div className="message-head">
        <strong>{who(message.from)}</strong> <span className="address">&lt;{message.from.address}&gt;</span>
        {message.fromTeam && <span className="chip">team</span>}
        {message.hasAttachments && (
          <span className="attachment" role="img" aria-label="has attachments" title="Has attachments">
            <PaperclipIcon />
          </span>
        )}
        <time dateTime={date.toISOString()}>{dateTimeText(message.date)}</time>
        {message.writtenDate && (
          <span className="muted written-date" title="The sender's Date header is implausible; shown at arrival time">
            dated “{message.writtenDate}” by the sender
          </span>
        )}
      </div>
      {threadId !== undefined && <MessageSplit threadId={threadId} message={message} first={first} />}
      {message.to.length > 0 && (
        <div className="recipients">
          to {message.to.map(who).join(', ')}
          {message.cc.length > 0 && <> · cc {message.cc.map(who).join(', ')}</>}
        </div>
      )}
      {message.unreadable && <UnreadableCard message={message} />}
      {message.html ? (
        <HtmlMessage
          messageId={message.id}
          sender={message.from.address}
          html={message.html}
          inlineImages={inlineImages}
          initiallyAllowed={message.imagesAllowed}
          title={`Message from ${who(message.from)}`}
        />
      ) : (
        <pre className="message-text">{message.text}</pre>
      )}
      <Attachments message={message} />
    </section>
  );
}
