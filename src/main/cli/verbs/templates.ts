import type { Template } from '../../../shared/outbox';
import type { PromptlyService } from '../../service/service';
import { findTemplate } from '../../outbox/templates';
import { UsageError } from '../io';

/** What a saved-reply verb prints. */
export interface TemplateVerbResult {
  text: string;
  json: unknown;
}

/**
 * `templates save NAME --body TEXT [--subject S]` (creates it, or changes the one with that
 * name) and `templates delete NAME`. The change is written locally first, then a sync appends
 * it to the team log; offline, it stays queued for the next sync.
 */
export async function templateVerb(
  service: PromptlyService,
  action: 'save' | 'delete',
  name: string,
  flags: { body?: string; subject?: string },
): Promise<TemplateVerbResult> {
  service.requireAccount();
  const list = await service.call('templates.list', {});
  const found = findTemplate(list, name);
  let saved: Template;
  if (action === 'save') {
    if (flags.body === undefined) throw new UsageError('templates save needs the text: --body "..."');
    saved = await service.call('templates.save', {
      id: found?.id ?? null,
      name: found?.name ?? name,
      subject: flags.subject ?? found?.subject ?? null,
      body: flags.body,
    });
  } else {
    if (!found) throw new UsageError(`there is no saved reply named "${name}". List them with "templates".`);
    saved = await service.call('templates.delete', { id: found.id });
  }
  const done = action === 'save' ? 'Saved' : 'Deleted';
  try {
    await service.syncNow();
  } catch (error) {
    return {
      text: `${done} here; not shared yet (${(error as Error).message}). The next sync shares it.`,
      json: { template: saved, state: 'queued' },
    };
  }
  return { text: `${done} “${saved.name}” for the team.`, json: { template: saved, state: 'shared' } };
}
