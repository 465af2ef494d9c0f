import { create } from 'zustand';
import type { ReplyKind, SendRequest } from '../../../../shared/outbox';

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
