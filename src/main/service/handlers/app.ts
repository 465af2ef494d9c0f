import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** The app itself: what mode it is in, and switching into and out of the demo mailbox. */
export const appHandlers = (core: ServiceCore) =>
  ({
    'app.info': async () => core.appInfo(),
    'app.openDemo': async () => core.openDemo(),
    'app.openSetup': async () => core.openSetup(),
  }) satisfies Partial<Handlers>;
