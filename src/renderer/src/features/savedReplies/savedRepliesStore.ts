import type { CallInput } from '../../../../shared/contract';
import type { Template } from '../../../../shared/outbox';
import { api } from '../../api';

/** The team's saved replies, with my changes not yet appended. */
export function listSavedReplies() {
  return api['templates.list']({});
}

/** Calls `onChange` with the saved replies whenever the team changes them; returns the unsubscribe. */
export function followSavedReplies(onChange: (templates: Template[]) => void): () => void {
  return api.on('templates.changed', () => void listSavedReplies().then(onChange, () => undefined));
}

/** Creates or changes a saved reply for the whole team. */
export function saveSavedReply(input: CallInput<'templates.save'>) {
  return api['templates.save'](input);
}

/** Deletes a saved reply for the whole team. */
export function deleteSavedReply(id: string) {
  return api['templates.delete']({ id });
}
