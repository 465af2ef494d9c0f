import { useState } from 'react';
import { saveSavedReply } from './savedRepliesStore';
import { errorText } from '../../callErrors';
import './savedReplies.css';

/**
 * "Save as saved reply…" under the composer: names what was typed and shares it with the
 * team as a new saved reply (variables stay as written). Self-contained: the composer passes
 * its text.
 */
export function SaveAsSavedReply({ text }: { text: string }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  async function save() {
    try {
      const saved = await saveSavedReply({ id: null, name, subject: null, body: text });
      setNaming(false);
      setName('');
      setStatus(`Saved as “${saved.name}” for the team.`);
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  if (!naming)
    return (
      <span className="sr-save-as">
        <button type="button" disabled={!text.trim()} onClick={() => (setNaming(true), setStatus(null))}>
          Save as saved reply…
        </button>
        {status && <span role="status">{status}</span>}
      </span>
    );
  return (
    <span className="sr-save-as" role="group" aria-label="Save as saved reply">
      <input
        autoFocus
        aria-label="Name of the saved reply"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          // Enter names it here; it must not send the reply or close the composer.
          if (e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            void save();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setNaming(false);
          }
        }}
      />
      <button type="button" onClick={() => void save()}>
        Save
      </button>
      <button type="button" onClick={() => setNaming(false)}>
        Cancel
      </button>
      {status && <span role="status">{status}</span>}
    </span>
  );
}
