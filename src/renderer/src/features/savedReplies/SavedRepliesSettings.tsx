import { useEffect, useRef, useState } from 'react';
import type { Template } from '../../../../shared/outbox';
import { PromptlyError } from '../../../../shared/errors';
import { deleteSavedReply, followSavedReplies, listSavedReplies, saveSavedReply } from './savedRepliesStore';
import { errorText } from '../../callErrors';
import { previewSampleFor, previewText } from './preview';
import { SavedReplyButtons, SavedReplyList, SavedReplyPreview } from './SavedReplyParts';
import { SavedReplyText } from './SavedReplyText';
import { threadAt, useThreadList } from '../../stores/list';
import '../teamwork/teamwork.css';
import './savedReplies.css';

interface Editing {
  id: string | null;
  name: string;
  subject: string;
  body: string;
}

const BLANK: Editing = { id: null, name: '', subject: '', body: '' };

/**
 * Settings → Saved replies: the team's saved replies, shared through the team log. Create,
 * edit, rename and delete; the variables are offered next to the text, and a preview shows
 * the reply as the customer of the conversation highlighted in the list would read it (a sample
 * customer when there is none).
 */
export function SavedRepliesSettings() {
  const [list, setList] = useState<Template[] | null>(null);
  const [editing, setEditing] = useState<Editing>(BLANK);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const highlighted = useThreadList((s) => threadAt(s, s.selectedIndex) ?? null);
  const name = useRef<HTMLInputElement>(null);

  const load = () => listSavedReplies().then(setList, (e: unknown) => setStatus(errorText(e)));
  useEffect(() => {
    void load();
    return followSavedReplies(setList);
  }, []);

  function pick(t: Template | null) {
    setEditing(t ? { id: t.id, name: t.name, subject: t.subject ?? '', body: t.body } : BLANK);
    setFieldError(null);
    setStatus(null);
    setConfirmDelete(false);
    name.current?.focus();
  }

  async function save() {
    setFieldError(null);
    try {
      const saved = await saveSavedReply({
        id: editing.id,
        name: editing.name,
        subject: editing.subject.trim() || null,
        body: editing.body,
      });
      setEditing({ id: saved.id, name: saved.name, subject: saved.subject ?? '', body: saved.body });
      setStatus(`Saved “${saved.name}”. Every teammate gets it with the next sync.`);
      await load();
    } catch (error) {
      const fields = error instanceof PromptlyError ? error.fields : undefined;
      setFieldError(fields ? Object.values(fields).join(' ') || errorText(error) : null);
      setStatus(errorText(error));
    }
  }

  async function remove() {
    if (!editing.id) return;
    try {
      const gone = await deleteSavedReply(editing.id);
      pick(null);
      setStatus(`Deleted “${gone.name}” for the team.`);
      await load();
    } catch (error) {
      setConfirmDelete(false);
      setStatus(errorText(error));
    }
  }

  const current = list?.find((t) => t.id === editing.id) ?? null;
  const sample = previewSampleFor(highlighted, Date.now());
  const preview = previewText(editing.body, sample);
  return (
    <section className="tw-settings sr-settings" aria-label="Saved replies" aria-busy={list === null}>
      <h2>Saved replies</h2>
      <SavedReplyList list={list} currentId={editing.id} onPick={pick} />
      <button type="button" onClick={() => pick(null)}>
        New saved reply
      </button>
      <form
        className="tw-form"
        aria-label={editing.id ? `Edit saved reply ${current?.name ?? ''}` : 'New saved reply'}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Name (pick it by this in the composer and the palette)
          <input
            ref={name}
            value={editing.name}
            onChange={(e) => setEditing({ ...editing, name: e.target.value })}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'sr-name-error' : undefined}
          />
        </label>
        {fieldError && (
          <span className="tw-error" id="sr-name-error">
            {fieldError}
          </span>
        )}
        <label>
          Subject (optional; empty keeps “Re: …”)
          <input value={editing.subject} onChange={(e) => setEditing({ ...editing, subject: e.target.value })} />
        </label>
        <SavedReplyText text={editing.body} onText={(text) => setEditing((e) => ({ ...e, body: text }))} />
        <SavedReplyPreview sample={sample} preview={preview} />
        <SavedReplyButtons
          editingId={editing.id}
          current={current}
          confirmDelete={confirmDelete}
          setConfirmDelete={setConfirmDelete}
          onRemove={() => void remove()}
        />
        {status && <p role="status">{status}</p>}
      </form>
    </section>
  );
}
