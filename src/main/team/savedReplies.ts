/**
 * Saved replies as this replica sees them: the folded log's templates with my own
 * `template.upsert` / `template.delete` events that are still waiting to be appended laid
 * on top, in the order I made them. Pure: the service passes the state and the pending events.
 */
import type { SavedReplyTemplate, TeamEvent } from '../../shared/teamEvents';

/** A saved reply, marked when it (or its latest change) is not in the log yet. */
export type SavedReplyView = SavedReplyTemplate & { pending: boolean };

/** The folded templates with my pending changes applied (uid 0: not on the server yet). */
export function withPendingTemplates(
  folded: Readonly<Record<string, SavedReplyTemplate>>,
  pending: readonly TeamEvent[],
): Record<string, SavedReplyView> {
  const out = new Map<string, SavedReplyView>(
    Object.values(folded).map((t) => [t.templateId, { ...t, pending: false }]),
  );
  for (const event of pending) {
    if (event.type === 'template.upsert') {
      const { templateId, name, subject, body } = event.payload;
      out.set(templateId, {
        templateId,
        name,
        subject,
        body,
        updatedBy: event.actor,
        updatedAt: event.at,
        uid: 0,
        pending: true,
      });
    } else if (event.type === 'template.delete') {
      out.delete(event.payload.templateId);
    }
  }
  return Object.fromEntries(out);
}
