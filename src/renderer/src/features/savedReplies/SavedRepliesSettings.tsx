import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { customerFullName, TEMPLATE_VARIABLES, type Template } from '../../../../shared/outbox';
import { PromptlyError } from '../../../../shared/errors';
import { deleteSavedReply, followSavedReplies, listSavedReplies, saveSavedReply } from './savedRepliesStore';
import { errorText } from '../../callErrors';
import {
  completeVariable,
  insertVariable,
  previewSampleFor,
  previewText,
  VARIABLE_WORDS,
  variableCompletion,
} from './preview';
import { threadAt, useThreadList } from '../../stores/list';
import '../teamwork/teamwork.css';
import './savedReplies.css';
import { dateTimeText } from '../../dates';

interface Editing {
  id: string | null;
  name: string;
  subject: string;
  body: string;
}

const BLANK: Editing = { id: null, name: '', subject: '', body: '' };

function changedBy(t: Template): string {
  if (t.builtIn) return 'built in';
  const when = t.updatedAt ? dateTimeText(t.updatedAt) : '';
  return `${t.pending ? 'saved here, shared with the next sync' : `by ${t.updatedBy ?? '?'}`}${when ? `, ${when}` : ''}`;
}

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
  const [caret, setCaret] = useState<number | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
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

  const completion = caret === null ? null : variableCompletion(editing.body, caret);

  /** Puts the chosen variable where the unfinished `{{…` is, and the caret after it, before the next key. */
  function complete(variable: (typeof TEMPLATE_VARIABLES)[number]) {
    if (!completion || caret === null) return;
    const next = completeVariable(editing.body, caret, completion, variable);
    flushSync(() => {
      setEditing({ ...editing, body: next.text });
      setCaret(next.caret);
    });
    body.current?.setSelectionRange(next.caret, next.caret);
  }

  function offer(variable: (typeof TEMPLATE_VARIABLES)[number]) {
    const area = body.current;
    const start = area?.selectionStart ?? editing.body.length;
    const end = area?.selectionEnd ?? start;
    const next = insertVariable(editing.body, start, end, variable);
    setEditing({ ...editing, body: next.text });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  }

  const current = list?.find((t) => t.id === editing.id) ?? null;
  const sample = previewSampleFor(highlighted, Date.now());
  const preview = previewText(editing.body, sample);
  return (
    <section className="tw-settings sr-settings" aria-label="Saved replies" aria-busy={list === null}>
      <h2>Saved replies</h2>
      <ul className="sr-list" aria-label="The team’s saved replies">
        {(list ?? []).map((t) => (
          <li key={t.id}>
            <button type="button" aria-current={t.id === editing.id || undefined} onClick={() => pick(t)}>
              <strong>{t.name}</strong> <span className="sr-meta">{changedBy(t)}</span>
            </button>
          </li>
        ))}
      </ul>
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
        <label>
          Text
          <textarea
            ref={body}
            rows={6}
            value={editing.body}
            onChange={(e) => {
              setEditing({ ...editing, body: e.target.value });
              setCaret(e.target.selectionStart);
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
            onBlur={() => setCaret(null)}
            onKeyDown={(e) => {
              // Tab completes a variable being typed; anywhere else it moves on as usual.
              const first = completion?.matches[0];
              if (e.key === 'Tab' && !e.shiftKey && first) {
                e.preventDefault();
                complete(first);
              }
            }}
            aria-describedby={completion ? 'sr-completion' : undefined}
          />
        </label>
        {completion && (
          <p className="sr-completion" id="sr-completion" role="status">
            Tab puts in {`{{${completion.matches[0]}}}`}
            {completion.matches.length > 1 &&
              ` (or keep typing: ${completion.matches
                .slice(1)
                .map((v) => `{{${v}}}`)
                .join(', ')})`}
          </p>
        )}
        <div className="sr-variables" role="group" aria-label="Insert a variable">
          {TEMPLATE_VARIABLES.map((v) => (
            <button key={v} type="button" title={VARIABLE_WORDS[v]} onClick={() => offer(v)}>
              {`{{${v}}}`}
            </button>
          ))}
        </div>
        <figure className="tw-promise-preview sr-preview" aria-label="Preview">
          <figcaption>
            {sample.sample
              ? `Preview with a sample customer, ${customerFullName(sample.customer)}`
              : `Preview as ${customerFullName(sample.customer)} would read it (“${sample.subject}”, highlighted in the list)`}
          </figcaption>
          <p>{preview.text || '(no text yet)'}</p>
          {preview.unknown.length > 0 && (
            <p className="tw-error">
              Promptly does not know {preview.unknown.map((u) => `{{${u}}}`).join(', ')}; use one of the buttons above.
            </p>
          )}
        </figure>
        <div className="tw-buttons">
          <button type="submit" className="primary">
            {editing.id ? 'Save changes' : 'Save new reply'}
          </button>
          {editing.id && !current?.builtIn && !confirmDelete && (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          )}
          {confirmDelete && (
            <>
              <span>Delete “{current?.name}” for the whole team?</span>
              <button type="button" className="danger" onClick={() => void remove()}>
                Delete
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </>
          )}
        </div>
        {status && <p role="status">{status}</p>}
      </form>
    </section>
  );
}
