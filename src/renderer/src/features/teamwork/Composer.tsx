import type { SendRequest } from '../../../../shared/outbox';
import { useComposer, type ComposerKind, type ComposerSession } from './composerStore';
import { DateTimeField } from '../../components/DateTimeField';
import { PromisePreview } from './PromisePreview';
import { CollisionPrompt, DiscardPrompt } from './composer/ComposerDialogs';
import { ComposerFields, FieldError, invalidProps, type FieldWiring } from './composer/ComposerFields';
import { ComposerInserts } from './composer/ComposerInserts';
import { hasUnsavedText } from './composer/model';
import { usePresence } from './composer/usePresence';
import { useCaretInsert } from './composer/useCaretInsert';
import { useComposerModel } from './composer/useComposerModel';
import './teamwork.css';

const KIND_TITLES: Record<ComposerKind, string> = {
  reply: 'Reply',
  'reply-all': 'Reply all',
  forward: 'Forward',
  courtesy: 'Courtesy reply',
};

/** Props of {@link Composer}. */
export interface ComposerProps {
  threadId: number;
  kind: ComposerKind;
  /** What undo gave back; the composer reopens with it instead of a fresh draft. */
  restored?: SendRequest | null;
  onClose(): void;
}

/**
 * The inline composer: reply, reply all, forward, or a courtesy reply that promises a date.
 * Cmd/Ctrl+Enter sends through the outbox; a teammate's reply since it opened asks first; Esc
 * closes (and asks before throwing away what was typed).
 */
export function Composer({ threadId, kind, restored = null, onClose }: ComposerProps) {
  const control = useComposerModel(threadId, kind, restored, onClose);
  const { model, edit, send } = control;
  const { draft, form, collision, discarding } = model;
  const caret = useCaretInsert(form.text, (text) => edit('text', text), draft !== null);
  usePresence(threadId, form.text);
  const courtesy = kind === 'courtesy';
  const scheduling = form.later !== null && !courtesy;
  const wiring: FieldWiring = { id: (name) => `composer-${threadId}-${name}`, fields: model.fields };
  const { id } = wiring;
  const now = Date.now();

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      e.stopPropagation();
      if (!collision) void send(false);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (collision) control.dismissCollision();
      else if (discarding) control.askDiscard(false);
      else if (hasUnsavedText(form)) control.askDiscard(true);
      else onClose();
    }
  }

  return (
    <section
      className="tw-composer"
      aria-label={KIND_TITLES[kind]}
      onKeyDown={onKeyDown}
      aria-busy={!draft}
      data-composer-thread={threadId}
    >
      <header className="tw-composer-head">
        <h2>{KIND_TITLES[kind]}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label="Close the composer (Esc)">
          ×
        </button>
      </header>
      {!draft && !model.problem && <p className="muted">Preparing the draft…</p>}
      {draft && (
        <form
          className="tw-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(false);
          }}
        >
          <ComposerFields form={form} courtesy={courtesy} wiring={wiring} edit={edit} now={now} />
          <ComposerInserts templates={model.templates} text={form.text} insert={caret.insertAtCaret} />
          <label htmlFor={id('body')} className="tw-sr">
            Message
          </label>
          <textarea
            id={id('body')}
            ref={caret.body}
            rows={8}
            value={form.text}
            onChange={(e) => edit('text', e.target.value)}
            {...invalidProps('text', wiring)}
          />
          <FieldError name="text" wiring={wiring} />
          {courtesy && <PromisePreview text={form.text} promise={form.promise} id={id('preview')} />}
          {draft.signature && <pre className="tw-signature muted">{draft.signature}</pre>}
          {(draft.quote.text || draft.keptAttachments.length > 0) && (
            <details className="tw-quote">
              <summary>
                {kind === 'forward' ? 'Forwarded message' : 'Quoted message'}
                {draft.keptAttachments.length > 0 && ` (${draft.keptAttachments.length} attachments kept)`}
              </summary>
              <pre>{draft.quote.text}</pre>
            </details>
          )}
          {scheduling && (
            <>
              <DateTimeField
                label="Send at"
                value={form.later ?? ''}
                onChange={(value) => edit('later', value)}
                now={now}
                invalid={Boolean(wiring.fields.sendAt)}
                describedBy={wiring.fields.sendAt ? id('sendAt-error') : undefined}
              />
              <FieldError name="sendAt" wiring={wiring} />
            </>
          )}
          {collision && (
            <CollisionPrompt
              collision={collision}
              onSendAnyway={() => void send(true)}
              onCancel={control.dismissCollision}
            />
          )}
          {discarding && <DiscardPrompt onDiscard={onClose} onKeep={() => control.askDiscard(false)} />}
          <div className="tw-buttons">
            <button type="submit" className="primary" disabled={model.busy || collision !== null}>
              {scheduling ? 'Schedule' : 'Send'} <kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>Enter</kbd>
            </button>
            {!courtesy && (
              <button type="button" onClick={() => edit('later', form.later === null ? '' : null)}>
                {form.later === null ? 'Send later…' : 'Send now instead'}
              </button>
            )}
          </div>
        </form>
      )}
      {model.problem && (
        <p role="alert" className="tw-error">
          {model.problem}
        </p>
      )}
    </section>
  );
}

/** The composer for the open thread, if one was opened for it (r, Shift+R, f, c). */
export function ComposerHost({ threadId }: { threadId: number | null }) {
  const session: ComposerSession | null = useComposer((s) => s.session);
  const close = useComposer((s) => s.close);
  if (!session || threadId === null || session.threadId !== threadId) return null;
  return (
    <Composer
      key={session.nonce}
      threadId={session.threadId}
      kind={session.kind}
      restored={session.restored}
      onClose={close}
    />
  );
}
