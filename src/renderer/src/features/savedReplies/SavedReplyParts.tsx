import { customerFullName, TEMPLATE_VARIABLES, type Template } from '../../../../shared/outbox';
import { dateTimeText } from '../../dates';
import { VARIABLE_WORDS, type previewSampleFor, type previewText, type variableCompletion } from './preview';

function changedBy(t: Template): string {
  if (t.builtIn) return 'built in';
  const when = t.updatedAt ? dateTimeText(t.updatedAt) : '';
  return `${t.pending ? 'saved here, shared with the next sync' : `by ${t.updatedBy ?? '?'}`}${when ? `, ${when}` : ''}`;
}

/** The team's saved replies, each with who changed it last; the one being edited is marked. */
export function SavedReplyList(props: {
  list: Template[] | null;
  currentId: string | null;
  onPick: (t: Template) => void;
}) {
  return (
    <ul className="sr-list" aria-label="The team’s saved replies">
      {(props.list ?? []).map((t) => (
        <li key={t.id}>
          <button type="button" aria-current={t.id === props.currentId || undefined} onClick={() => props.onPick(t)}>
            <strong>{t.name}</strong> <span className="sr-meta">{changedBy(t)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** What Tab puts in while a `{{…` is being typed, and the other names that match. */
export function CompletionHint({ completion }: { completion: ReturnType<typeof variableCompletion> }) {
  if (!completion) return null;
  return (
    <p className="sr-completion" id="sr-completion" role="status">
      Tab puts in {`{{${completion.matches[0]}}}`}
      {completion.matches.length > 1 &&
        ` (or keep typing: ${completion.matches
          .slice(1)
          .map((v) => `{{${v}}}`)
          .join(', ')})`}
    </p>
  );
}

/** One button per variable, each saying what it becomes. */
export function VariableButtons({ onOffer }: { onOffer: (v: (typeof TEMPLATE_VARIABLES)[number]) => void }) {
  return (
    <div className="sr-variables" role="group" aria-label="Insert a variable">
      {TEMPLATE_VARIABLES.map((v) => (
        <button key={v} type="button" title={VARIABLE_WORDS[v]} onClick={() => onOffer(v)}>
          {`{{${v}}}`}
        </button>
      ))}
    </div>
  );
}

/** The reply as its customer would read it, and the variables Promptly does not know. */
export function SavedReplyPreview(props: {
  sample: ReturnType<typeof previewSampleFor>;
  preview: ReturnType<typeof previewText>;
}) {
  const { sample, preview } = props;
  return (
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
  );
}

/** Save, and Delete behind a question (a built-in reply cannot be deleted). */
export function SavedReplyButtons(props: {
  editingId: string | null;
  current: Template | null;
  confirmDelete: boolean;
  setConfirmDelete: (ask: boolean) => void;
  onRemove: () => void;
}) {
  const { editingId, current, confirmDelete, setConfirmDelete } = props;
  return (
    <div className="tw-buttons">
      <button type="submit" className="primary">
        {editingId ? 'Save changes' : 'Save new reply'}
      </button>
      {editingId && !current?.builtIn && !confirmDelete && (
        <button type="button" onClick={() => setConfirmDelete(true)}>
          Delete…
        </button>
      )}
      {confirmDelete && (
        <>
          <span>Delete “{current?.name}” for the whole team?</span>
          <button type="button" className="danger" onClick={props.onRemove}>
            Delete
          </button>
          <button type="button" onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
        </>
      )}
    </div>
  );
}
