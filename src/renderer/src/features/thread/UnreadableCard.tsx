import { useState } from 'react';
import type { MessageView } from '../../../../shared/types';
import { originalMessage, saveMessageEml } from './messageFiles';
import { errorText } from '../../callErrors';

/**
 * Said where people read: a message Promptly could not read (or read only in part) gets a
 * card with the reason, its original on demand, and Save as .eml for another mail program.
 */
export function UnreadableCard({ message }: { message: MessageView }) {
  const [original, setOriginal] = useState<{ source: string; truncated: boolean } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const partly = message.text.trim() !== '';
  const show = async () => {
    if (original) return setOriginal(null);
    try {
      setOriginal(await originalMessage(message.id));
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  const save = async () => {
    try {
      const r = await saveMessageEml(message.id);
      setStatus(r.savedTo ? `Saved to ${r.savedTo}` : `Saved to ${r.path}`);
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  return (
    <div className="unreadable-card" role="note" aria-label="Promptly could not read this message">
      <strong>
        {partly ? 'Promptly could read this message only in part' : 'Promptly could not read this message'}
      </strong>
      <p className="muted">{message.unreadable}</p>
      <button type="button" onClick={() => void show()} aria-expanded={original !== null}>
        {original ? 'Hide original' : 'Show original'}
      </button>{' '}
      <button type="button" onClick={() => void save()}>
        Save as .eml
      </button>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
      {original && (
        <pre className="original-source" aria-label="Original message">
          {original.source}
          {original.truncated ? '\n… (shortened here; Save as .eml keeps all of it)' : ''}
        </pre>
      )}
    </div>
  );
}
