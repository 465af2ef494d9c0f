import { useEffect, useReducer } from 'react';
import type { SendRequest } from '../../../../../shared/outbox';
import { errorText } from '../../../callErrors';
import { followSavedReplies } from '../../savedReplies/savedRepliesStore';
import { loadComposerDraft, offerUndo, queueReply, type ComposerKind } from '../composerStore';
import { fieldProblems, fromLocalInput, splitAddresses } from '../format';
import {
  composerReducer,
  INITIAL_MODEL,
  openingForm,
  unreadableTimes,
  type ComposerModel,
  type EditableField,
} from './model';

/** The composer's state and what it can do, for one thread and kind. */
export interface ComposerControl {
  model: ComposerModel;
  edit(field: EditableField, value: string | null): void;
  /** Queues the reply; `force` sends over a teammate's reply. Closes the composer once queued. */
  send(force: boolean): Promise<void>;
  dismissCollision(): void;
  askDiscard(asking: boolean): void;
}

/**
 * Loads the draft (or what undo gave back), follows saved-reply changes while open, and sends
 * through the outbox with an Undo toast.
 */
export function useComposerModel(
  threadId: number,
  kind: ComposerKind,
  restored: SendRequest | null,
  onClose: () => void,
): ComposerControl {
  const [model, dispatch] = useReducer(composerReducer, INITIAL_MODEL);

  // A saved reply added or changed while this is open is offered at once.
  useEffect(() => followSavedReplies((templates) => dispatch({ type: 'templates', templates })), []);

  useEffect(() => {
    let live = true;
    loadComposerDraft(threadId, kind, restored)
      .then(({ draft, templates }) => {
        if (live) dispatch({ type: 'loaded', draft, templates, form: openingForm(draft, templates, kind, restored) });
      })
      .catch((error: unknown) => {
        if (live) dispatch({ type: 'failed', fields: {}, problem: errorText(error) });
      });
    return () => {
      live = false;
    };
  }, [threadId, kind, restored]);

  async function send(force: boolean): Promise<void> {
    const { draft, form, busy } = model;
    if (!draft || busy) return;
    const unreadable = unreadableTimes(form, kind, Date.now());
    if (Object.keys(unreadable).length > 0) {
      dispatch({ type: 'failed', fields: unreadable, problem: null });
      return;
    }
    dispatch({ type: 'sending' });
    try {
      const result = await queueReply({
        threadId,
        kind,
        parentId: draft.parentId,
        to: splitAddresses(form.to),
        cc: splitAddresses(form.cc),
        subject: form.subject,
        text: form.text,
        openedAt: restored?.openedAt ?? draft.openedAt,
        promiseAt: fromLocalInput(form.promise) ?? undefined,
        sendAt: form.later === null ? undefined : (fromLocalInput(form.later) ?? undefined),
        force,
      });
      if (!result.ok) {
        dispatch({ type: 'collided', collision: result.collision });
        return;
      }
      dispatch({ type: 'dismiss-collision' });
      offerUndo(result.item);
      onClose();
    } catch (error) {
      const fields = fieldProblems(error);
      dispatch({ type: 'failed', fields, problem: Object.keys(fields).length === 0 ? errorText(error) : null });
    } finally {
      dispatch({ type: 'settled' });
    }
  }

  return {
    model,
    edit: (field, value) => dispatch({ type: 'edit', field, value }),
    send,
    dismissCollision: () => dispatch({ type: 'dismiss-collision' }),
    askDiscard: (asking) => dispatch({ type: 'discarding', asking }),
  };
}
