import type { MessageView } from '../../../../shared/types';
import { splitFrom, useChosenMessage } from './threadFixes';
import './messageSplit.css';

/**
 * Under a message's header: "Split from here" (not on the first message), and for a message
 * that joined only because the subject and customer matched (no reference headers), a mark
 * saying so with the same split offered in words.
 */
export function MessageSplit({ threadId, message, first }: { threadId: number; message: MessageView; first: boolean }) {
  if (first) return null;
  const split = () => {
    useChosenMessage.getState().choose(message.messageId);
    void splitFrom(threadId, message.messageId);
  };
  return (
    <div className="message-split">
      {message.joinedBySubject && (
        <span className="joined-by-subject" role="note">
          Joined by subject: no reply headers link it to this conversation.
        </span>
      )}
      <button type="button" className="link" onClick={split}>
        {message.joinedBySubject ? 'Not the same conversation? Split' : 'Split from here'}
      </button>
    </div>
  );
}

/** Remembers the message a person is on, for the palette's "Split from here". */
export function chooseMessage(messageId: string): void {
  useChosenMessage.getState().choose(messageId);
}
