import { create } from 'zustand';
import type { Draft, QueuedReply, QueueResult, ReplyKind, SendRequest, Template } from '../../../../shared/outbox';
import { api } from '../../api';
import { whenText } from './format';
import { useTeamToasts } from './stores';
import { listSavedReplies } from '../savedReplies/savedRepliesStore';

/** What the composer writes: a reply kind, or a courtesy reply that promises a date. */
export type ComposerKind = ReplyKind | 'courtesy';

/** The composer that is open, if any: for which thread, what kind, and what undo gave back. */
export interface ComposerSession {
  threadId: number;
  kind: ComposerKind;
  /** The request `outbox.undo` returned, to reopen with exactly what was written. */
  restored: SendRequest | null;
  /** Changes on every open, so the composer remounts fresh. */
  nonce: number;
}

interface ComposerState {
  session: ComposerSession | null;
  open(threadId: number, kind: ComposerKind): void;
  restore(request: SendRequest): void;
  close(): void;
}

let nonce = 0;

/** Which composer is open. The composer itself keeps only what is being typed. */
export const useComposer = create<ComposerState>((set) => ({
  session: null,
  open(threadId, kind) {
    nonce += 1;
    set({ session: { threadId, kind, restored: null, nonce } });
  },
  restore(request) {
    nonce += 1;
    const kind: ComposerKind = request.courtesy ? 'courtesy' : request.kind;
    set({ session: { threadId: request.threadId, kind, restored: request, nonce } });
  },
  close() {
    set({ session: null });
  },
}));

/** Opens the inline composer for a thread (r, Shift+R, f, c). */
export function openComposer(threadId: number, kind: ComposerKind): void {
  useComposer.getState().open(threadId, kind);
}

/** The draft and the saved replies a composer opens with. */
export async function loadComposerDraft(
  threadId: number,
  kind: ComposerKind,
  restored: SendRequest | null,
): Promise<{ draft: Draft; templates: Template[] }> {
  const [draft, templates] = await Promise.all([
    api['reply.draft']({ threadId, kind: kind === 'courtesy' ? 'reply' : kind, parentId: restored?.parentId }),
    listSavedReplies().catch(() => [] as Template[]),
  ]);
  return { draft, templates };
}

/** What a composer sends: the form's fields parsed, plus whether to send over a collision. */
export interface ReplyToQueue {
  threadId: number;
  kind: ComposerKind;
  parentId: number | null;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  openedAt: number | undefined;
  promiseAt: number | undefined;
  sendAt: number | undefined;
  force: boolean;
}

/** Queues a reply (or a courtesy reply) in the outbox; a collision comes back unqueued. */
export function queueReply(reply: ReplyToQueue): Promise<QueueResult> {
  const { threadId, openedAt, force, text } = reply;
  if (reply.kind === 'courtesy') {
    return api['reply.courtesy']({ threadId, promiseAt: reply.promiseAt, openedAt, force, text });
  }
  return api['reply.send']({
    threadId,
    kind: reply.kind,
    parentId: reply.parentId ?? undefined,
    to: reply.to,
    cc: reply.cc,
    subject: reply.subject,
    text,
    openedAt,
    sendAt: reply.sendAt,
    force,
  });
}

/** Pushes the Undo toast for a queued reply; Undo reopens the composer with what was written. */
export function offerUndo(item: QueuedReply, now = Date.now()): void {
  const promise = item.courtesy && item.promiseAt ? ` Promised by ${whenText(item.promiseAt)}.` : '';
  const later = item.sendAt > item.undoUntil ? `Reply scheduled for ${whenText(item.sendAt)}.` : 'Reply queued.';
  const undoable = item.undoUntil > now;
  useTeamToasts.getState().push({
    id: `reply-undo-${item.id}`,
    kind: 'sent',
    message: `${later}${promise}`,
    threadKey: item.threadKey,
    expiresAt: undoable ? item.undoUntil : now + 5000,
    local: undoable
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

/** Tells the engine whether the composer of a thread holds a reply (teammates see "is replying").
 *  Presence is a courtesy: a failure here never gets in the way of writing. */
export async function tellReplying(threadId: number, replying: boolean): Promise<void> {
  await api['presence.set']({ threadId, replying }).catch(() => undefined);
}
