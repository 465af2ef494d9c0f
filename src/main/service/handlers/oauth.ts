import { availability } from '../../auth/clients';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** Signing the shared mailbox in with Microsoft, Google or another OAuth2 provider. */
export const oauthHandlers = (core: ServiceCore) =>
  ({
    'oauth.providers': async () => availability(core.oauthClients()),
    'oauth.start': async (input) => core.oauth.start(input),
    'oauth.status': async () => core.oauth.status(),
    'oauth.cancel': async () => core.oauth.cancel(),
  }) satisfies Partial<Handlers>;
