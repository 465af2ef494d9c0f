import type { PromptlyService } from '../../service/service';
import { UsageError } from '../io';

/** What a merge or split verb prints. */
export interface ThreadFixVerbResult {
  text: string;
  json: unknown;
}

/**
 * `merge KEY INTO_KEY` (INTO_KEY survives) and `split KEY --from MESSAGE_ID` (that message and
 * every later one become a conversation of their own). Applied here at once, then a sync
 * shares it through the team log; offline, it stays queued for the next sync.
 */
export async function threadFixVerb(
  service: PromptlyService,
  verb: 'merge' | 'split',
  positionals: string[],
  flags: { from?: string },
): Promise<ThreadFixVerbResult> {
  const [key, into, extra] = positionals;
  let text: string;
  let json: unknown;
  if (verb === 'merge') {
    if (!key || !into || extra !== undefined)
      throw new UsageError('usage: merge KEY INTO_KEY (the conversation KEY joins INTO_KEY, which stays)');
    const result = await service.call('threads.merge', { keys: [key], into });
    const survivor = service.threadByIdOrKey(String(result.threadId)).thread;
    text = `Merged “${result.merged[0]?.subject ?? key}” into “${survivor.subject}” (${messages(survivor.messageCount)}).`;
    json = result;
  } else {
    if (!key || into !== undefined || !flags.from)
      throw new UsageError(
        'usage: split KEY --from MESSAGE_ID (that message and the later ones become a conversation)',
      );
    const result = await service.call('threads.split', { key, fromMessageId: flags.from });
    const split = service.threadByIdOrKey(String(result.threadId)).thread;
    text = `Split “${split.subject}” (${messages(split.messageCount)}) into a conversation of its own: ${result.key}`;
    json = result;
  }
  try {
    await service.syncNow();
  } catch (error) {
    return { text: `${text}\nNot shared yet (${(error as Error).message}); the next sync shares it.`, json };
  }
  return { text, json };
}

function messages(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}
