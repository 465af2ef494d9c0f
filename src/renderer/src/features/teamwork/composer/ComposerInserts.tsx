import { TEMPLATE_VARIABLES, type Template } from '../../../../../shared/outbox';
import { SaveAsSavedReply } from '../../savedReplies/SaveAsSavedReply';

/** The row under the fields: insert a saved reply or a variable at the caret, or save the text as one. */
export function ComposerInserts({
  templates,
  text,
  insert,
}: {
  templates: readonly Template[];
  text: string;
  insert(snippet: string): void;
}) {
  return (
    <div className="tw-row tw-inserts">
      <select
        aria-label="Insert a saved reply"
        value=""
        onChange={(e) => {
          const t = templates.find((x) => x.id === e.target.value);
          if (t) insert(t.body);
        }}
      >
        <option value="">Saved reply…</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Insert a variable"
        value=""
        onChange={(e) => e.target.value && insert(`{{${e.target.value}}}`)}
      >
        <option value="">Variable…</option>
        {TEMPLATE_VARIABLES.map((v) => (
          <option key={v} value={v}>{`{{${v}}}`}</option>
        ))}
      </select>
      <SaveAsSavedReply text={text} />
    </div>
  );
}
