import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  TEMPLATE_VARIABLES,
  type Collision,
  type Draft,
  type DraftAddress,
  type OutboxItem,
  type QueueResult,
  type SendRequest,
  type Template,
} from '../../../../shared/outbox';
import { api } from '../../api';
import { errorText } from '../../stores/errorText';
import { useComposer, type ComposerKind, type ComposerSession } from './composerStore';
import { fieldProblems, fromLocalInput, splitAddresses, toLocalInput, whenText } from './format';
import { useTeamToasts } from './stores';
import { PromisePreview } from './PromisePreview';
import './teamwork.css';
import { SaveAsSavedReply } from '../savedReplies/SaveAsSavedReply';
import { useInsertRequests } from '../savedReplies/insertRequests';

const KIND_TITLES: Record<ComposerKind, string> = {
  reply: 'Reply',
  'reply-all': 'Reply all',
  forward: 'Forward',
  courtesy: 'Courtesy reply',
};

/** The saved reply a courtesy reply starts from (the service's built-in id). */
export const COURTESY_TEMPLATE = 'courtesy';

/** One address as a person edits it: `Ann Lee <ann@x.example>`. */
export function addressText(a: DraftAddress): string {
  if (!a.name) return a.address;
  const name = /[,;"<>]/.test(a.name) ? `"${a.name.replace(/"/g, '')}"` : a.name;
  return `${name} <${a.address}>`;
}

/** Props of {@link Composer}. */
export interface ComposerProps {
  threadId: number;
  kind: ComposerKind;
  /** What undo gave back; the composer reopens with it instead of a fresh draft. */
  restored?: SendRequest | null;
  onClose(): void;
}

/** Pushes the Undo toast for a queued reply; Undo reopens the composer with what was written. */
function offerUndo(item: OutboxItem): void {
  const promise = item.courtesy && item.promiseAt ? ` Promised by ${whenText(item.promiseAt)}.` : '';
  const later = item.sendAt > item.undoUntil ? `Reply scheduled for ${whenText(item.sendAt)}.` : 'Reply queued.';
  useTeamToasts.getState().push({
    id: `undo-${item.id}`,
    kind: 'sent',
    message: `${later}${promise}`,
    threadKey: item.threadKey,
    expiresAt: item.undoUntil > Date.now() ? item.undoUntil : Date.now() + 5000,
    local:
      item.undoUntil > Date.now()
        ? {
            label: 'Undo',
            run: async () => {
              const undone = await api['outbox.undo']({ id: item.id });
              useComposer.getState().restore(undone.request);
            },
          }
        : undefined,
  });
}

/**
 * The inline composer: reply, reply all, forward, or a courtesy reply that promises a date.
 * Cmd/Ctrl+Enter sends through the outbox; a teammate's reply since it opened asks first; Esc
 * closes (and asks before throwing away what was typed).
 */
export function Composer({ threadId, kind, restored = null, onClose }: ComposerProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [to, setTo] = useState('');
  const [cc, setCc] = useState('');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [initialText, setInitialText] = useState('');
  const [promise, setPromise] = useState('');
  const [later, setLater] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [collision, setCollision] = useState<Collision | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const nextCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (nextCaret.current === null) return;
    body.current?.focus();
    body.current?.setSelectionRange(nextCaret.current, nextCaret.current);
    nextCaret.current = null;
  });
  const courtesy = kind === 'courtesy';
  // A saved reply added or changed while this is open is offered at once.
  useEffect(
    () => api.on('templates.changed', () => void api['templates.list']({}).then(setTemplates, () => undefined)),
    [],
  );

  useEffect(() => {
    let live = true;
    const draftKind = courtesy ? 'reply' : kind;
    Promise.all([
      api['reply.draft']({ threadId, kind: draftKind, parentId: restored?.parentId }),
      api['templates.list']({}).catch(() => [] as Template[]),
    ])
      .then(([d, t]) => {
        if (!live) return;
        const start = restored?.text ?? (courtesy ? (t.find((x) => x.id === COURTESY_TEMPLATE)?.body ?? '') : '');
        setDraft(d);
        setTemplates(t);
        setTo(restored ? restored.to.join(', ') : d.to.map(addressText).join(', '));
        setCc(restored ? restored.cc.join(', ') : d.cc.map(addressText).join(', '));
        setSubject(restored?.subject ?? d.subject);
        setText(start);
        setInitialText(restored ? '' : start);
        if (restored?.promiseAt) setPromise(toLocalInput(restored.promiseAt));
        else if (courtesy) setPromise(toLocalInput(d.defaultPromiseAt));
      })
      .catch((error: unknown) => live && setProblem(errorText(error)));
    return () => {
      live = false;
    };
  }, [threadId, kind, courtesy, restored]);

  // Writing starts in the body as soon as the draft is on screen.
  const ready = draft !== null;
  useEffect(() => {
    if (ready) body.current?.focus();
  }, [ready]);

  const openedAt = restored?.openedAt ?? draft?.openedAt;

  async function send(force: boolean) {
    if (!draft || busy) return;
    setBusy(true);
    setFields({});
    setProblem(null);
    try {
      let result: QueueResult;
      if (courtesy) {
        const promiseAt = fromLocalInput(promise) ?? undefined;
        result = await api['reply.courtesy']({ threadId, promiseAt, openedAt, force, text });
      } else {
        const sendAt = later === null ? undefined : (fromLocalInput(later) ?? undefined);
        result = await api['reply.send']({
          threadId,
          kind,
          parentId: draft.parentId ?? undefined,
          to: splitAddresses(to),
          cc: splitAddresses(cc),
          subject,
          text,
          openedAt,
          sendAt,
          force,
        });
      }
      if (!result.ok) {
        setCollision(result.collision);
        return;
      }
      setCollision(null);
      offerUndo(result.item);
      onClose();
    } catch (error) {
      const byField = fieldProblems(error);
      setFields(byField);
      if (Object.keys(byField).length === 0) setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function insertAtCaret(snippet: string) {
    const el = body.current;
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    setText(text.slice(0, at) + snippet + text.slice(end));
    nextCaret.current = at + snippet.length;
  }

  useInsertRequests(insertAtCaret); // a saved reply picked in the palette

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      e.stopPropagation();
      if (!collision) void send(false);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (collision) setCollision(null);
      else if (discarding) setDiscarding(false);
      else if (text.trim() !== initialText.trim()) setDiscarding(true);
      else onClose();
    }
  }

  const id = (name: string) => `composer-${threadId}-${name}`;
  const fieldError = (name: string) =>
    fields[name] ? (
      <span id={id(`${name}-error`)} className="tw-error" role="alert">
        {fields[name]}
      </span>
    ) : null;
  const described = (name: string) => (fields[name] ? id(`${name}-error`) : undefined);
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
      {!draft && !problem && <p className="muted">Preparing the draft…</p>}
      {draft && (
        <form
          className="tw-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(false);
          }}
        >
          <label htmlFor={id('to')}>To</label>
          <input
            id={id('to')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            readOnly={courtesy}
            aria-invalid={fields.to ? true : undefined}
            aria-describedby={described('to')}
          />
          {fieldError('to')}
          <label htmlFor={id('cc')}>Cc</label>
          <input
            id={id('cc')}
            value={cc}
            onChange={(e) => setCc(e.target.value)}
            readOnly={courtesy}
            aria-invalid={fields.cc ? true : undefined}
            aria-describedby={described('cc')}
          />
          {fieldError('cc')}
          <label htmlFor={id('subject')}>Subject</label>
          <input
            id={id('subject')}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            readOnly={courtesy}
            aria-invalid={fields.subject ? true : undefined}
            aria-describedby={described('subject')}
          />
          {fieldError('subject')}
          {courtesy && (
            <>
              <label htmlFor={id('promise')}>Promise an answer by</label>
              <input
                id={id('promise')}
                type="datetime-local"
                value={promise}
                onChange={(e) => setPromise(e.target.value)}
                aria-describedby={id('promise-hint')}
              />
              <span id={id('promise-hint')} className="muted tw-hint">
                {fields.promiseAt ?? 'Default: the end of the next business day, by the team’s calendar.'}
              </span>
            </>
          )}
          <div className="tw-row tw-inserts">
            <select
              aria-label="Insert a saved reply"
              value=""
              onChange={(e) => {
                const t = templates.find((x) => x.id === e.target.value);
                if (t) insertAtCaret(t.body);
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
              onChange={(e) => e.target.value && insertAtCaret(`{{${e.target.value}}}`)}
            >
              <option value="">Variable…</option>
              {TEMPLATE_VARIABLES.map((v) => (
                <option key={v} value={v}>{`{{${v}}}`}</option>
              ))}
            </select>
            <SaveAsSavedReply text={text} />
          </div>
          <label htmlFor={id('body')} className="tw-sr">
            Message
          </label>
          <textarea
            id={id('body')}
            ref={body}
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={fields.text ? true : undefined}
            aria-describedby={described('text')}
          />
          {fieldError('text')}
          {courtesy && <PromisePreview text={text} promise={promise} id={id('preview')} />}
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
          {later !== null && !courtesy && (
            <>
              <label htmlFor={id('later')}>Send at</label>
              <input id={id('later')} type="datetime-local" value={later} onChange={(e) => setLater(e.target.value)} />
              {fieldError('sendAt')}
            </>
          )}
          {collision && (
            <div className="tw-collision" role="alertdialog" aria-label="A teammate already replied">
              <p>{collision.message}</p>
              <div className="tw-buttons">
                <button type="button" className="primary" autoFocus onClick={() => void send(true)}>
                  Send anyway
                </button>
                <button type="button" onClick={() => setCollision(null)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          {discarding && (
            <div className="tw-collision" role="alertdialog" aria-label="Discard this reply?">
              <p>Discard this reply? What you wrote will be lost.</p>
              <div className="tw-buttons">
                <button type="button" autoFocus onClick={onClose}>
                  Discard
                </button>
                <button type="button" onClick={() => setDiscarding(false)}>
                  Keep writing
                </button>
              </div>
            </div>
          )}
          <div className="tw-buttons">
            <button type="submit" className="primary" disabled={busy || collision !== null}>
              {later !== null && !courtesy ? 'Schedule' : 'Send'} <kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>Enter</kbd>
            </button>
            {!courtesy && (
              <button type="button" onClick={() => setLater(later === null ? '' : null)}>
                {later === null ? 'Send later…' : 'Send now instead'}
              </button>
            )}
          </div>
        </form>
      )}
      {problem && (
        <p role="alert" className="tw-error">
          {problem}
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
