/**
 * Merging and splitting conversations from the app (docs/PRODUCT.md, "Triage from the
 * keyboard"): the marked rows merge into the one chosen to survive, and "Split from here" turns a
 * message and the later ones into a conversation of their own. Each offers Undo (`z`), which is
 * the opposite action, shared with the team like the first.
 */
import { create } from 'zustand';
import { api } from '../../api';
import { errorText } from '../../callErrors';
import { useThreadList } from '../../stores/list';
import { useOpenThread } from '../../stores/thread';
import { askIdentityIfNeeded } from '../onboarding/identityPrompt';
import { useTeamToasts } from './stores';
import { offerUndo, rowById, useMarked } from './triage';

let problemId = 0;

async function attempt<T>(call: () => Promise<T>, retry: () => void): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (askIdentityIfNeeded(error, retry)) return null;
    problemId += 1;
    useTeamToasts
      .getState()
      .push({ id: `fix-problem-${problemId}`, kind: 'conflict', message: errorText(error), threadKey: null });
    return null;
  }
}

/** Shows a conversation after a merge or split: highlighted in the list and, if a pane is open, in it. */
async function show(threadId: number): Promise<void> {
  await useThreadList.getState().reload();
  useThreadList.getState().selectById(threadId);
  if (useOpenThread.getState().openId !== null) await useOpenThread.getState().open(threadId);
}

function quoted(subject: string | undefined): string {
  return `“${subject || '(no subject)'}”`;
}

/** The conversations Merge acts on: the marked rows, plus the highlighted one when only one is marked. */
export function mergeCandidates(current: number | null): number[] {
  const marked = useMarked.getState().ids;
  const ids = marked.length === 1 && current !== null ? [...marked, current] : marked;
  return [...new Set(ids)];
}

/** Merges `ids` into `survivorId`, which stays; Undo takes each merged one back out. */
export async function mergeInto(ids: readonly number[], survivorId: number): Promise<boolean> {
  const others = ids.filter((id) => id !== survivorId);
  const survivor = rowById(survivorId);
  const result = await attempt(
    () => api['threads.merge']({ keys: others.map(String), into: String(survivorId) }),
    () => void mergeInto(ids, survivorId),
  );
  if (!result) return false;
  useMarked.getState().clear();
  await show(result.threadId);
  const what = result.merged.length === 1 ? quoted(result.merged[0]?.subject) : `${result.merged.length} conversations`;
  offerUndo(`Merged ${what} into ${quoted(survivor?.subject)}`, async () => {
    for (const merged of result.merged)
      await attempt(
        () => api['threads.split']({ key: String(result.threadId), mergedKey: merged.key }),
        () => undefined,
      );
    await show(result.threadId);
  });
  return true;
}

/** "Split from here": the message and every later one become a conversation; Undo merges them back. */
export async function splitFrom(threadId: number, messageId: string): Promise<boolean> {
  const result = await attempt(
    () => api['threads.split']({ key: String(threadId), fromMessageId: messageId }),
    () => void splitFrom(threadId, messageId),
  );
  if (!result) return false;
  await show(result.threadId);
  offerUndo(`Split ${quoted(rowById(result.threadId)?.subject)} into a conversation of its own`, async () => {
    await attempt(
      () => api['threads.merge']({ keys: [String(result.threadId)], into: String(result.from.threadId) }),
      () => undefined,
    );
    await show(result.from.threadId);
  });
  return true;
}

/** The message last focused or clicked in the open conversation, for the palette's "Split from here". */
export const useChosenMessage = create<{ messageId: string | null; choose(messageId: string | null): void }>((set) => ({
  messageId: null,
  choose(messageId) {
    set({ messageId });
  },
}));
