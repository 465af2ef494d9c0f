import type { Handlers } from '../types';
import { accountHandlers } from './account';
import { appHandlers } from './app';
import { attachmentHandlers } from './attachments';
import type { ServiceCore } from './core';
import { discoveryHandlers } from './discovery';
import { liveHandlers } from './live';
import { metricsHandlers } from './metrics';
import { originalHandlers } from './original';
import { oauthHandlers } from './oauth';
import { outboxHandlers } from './outbox';
import { settingsHandlers } from './settings';
import { teamHandlers } from './team';
import { templateHandlers } from './templates';
import { threadHandlers } from './threads';

/**
 * The handler table the transports dispatch to, built once per service. `satisfies`
 * makes a call of the contract without a handler a compile error (docs/ARCHITECTURE.md,
 * "How to add a call").
 */
export function buildHandlers(core: ServiceCore): Handlers {
  return {
    ...appHandlers(core),
    ...threadHandlers(core),
    ...teamHandlers(core),
    ...outboxHandlers(core),
    ...templateHandlers(core),
    ...accountHandlers(core),
    ...discoveryHandlers(core),
    ...liveHandlers(core),
    ...metricsHandlers(core),
    ...settingsHandlers(core),
    ...attachmentHandlers(core),
    ...originalHandlers(core),
    ...oauthHandlers(core),
  } satisfies Handlers;
}
