import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** Replies, the outbox and templates. */
export const outboxHandlers = (core: ServiceCore) =>
  ({
    'reply.draft': async (request) => core.requireOutbox().draft(request),
    'reply.send': async (request) => {
      const result = await core.requireOutbox().queue(request);
      // Sent: teammates stop seeing "is replying" at once, whatever the composer does next.
      if (result.ok) core.team()?.presence.replySent(request.threadId);
      if (result.ok) core.ring();
      return result;
    },
    'reply.courtesy': async ({ threadId, ...options }) => core.requireOutbox().courtesy(threadId, options),
    'outbox.list': async () => core.outbox()?.list() ?? [],
    'outbox.undo': async ({ id }) => core.requireOutbox().undo(id),
    'outbox.cancel': async ({ id }) => core.requireOutbox().cancel(id),
    'outbox.retry': async ({ id, force }) => core.requireOutbox().retry(id, { force }),
    'outbox.sendAgain': async ({ id }) => core.requireOutbox().sendAgain(id),
    'templates.list': async () => core.outbox()?.templates() ?? [],
  }) satisfies Partial<Handlers>;
