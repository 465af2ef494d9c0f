import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** How live sync hears about changes, and the connection budget and check interval behind it. */
export const liveHandlers = (core: ServiceCore) =>
  ({
    'sync.live': async () => core.liveStatus(),
    'sync.configure': async (change) => core.configureLive(change),
  }) satisfies Partial<Handlers>;
