import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** The app itself: what mode it is in, and switching to the demo mailbox. */
export const appHandlers = (core: ServiceCore) =>
  ({
    'app.info': async () => core.appInfo(),
    'app.openDemo': async () => core.openDemo(),
  }) satisfies Partial<Handlers>;
