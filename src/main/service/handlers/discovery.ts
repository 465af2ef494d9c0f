import { discoverMailSettings, discoveryDeps } from '../../mail/autoconfig/discover';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** Finding a mailbox's server settings from its address, before any account exists. */
export const discoveryHandlers = (core: ServiceCore) =>
  ({
    'account.discover': async ({ address }) => discoverMailSettings(address, discoveryDeps(core.deps.discovery)),
  }) satisfies Partial<Handlers>;
