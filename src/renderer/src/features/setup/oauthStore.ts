import type { CallInput } from '../../../../shared/contract';
import { api } from '../../api';

/** The providers this build can sign in with, and why one cannot (no client ID). */
export function oauthProviders() {
  return api['oauth.providers']({});
}

/** How the browser sign-in in progress stands. */
export function oauthStatus() {
  return api['oauth.status']({});
}

/** Starts the browser sign-in with a provider. */
export function startOAuth(input: CallInput<'oauth.start'>) {
  return api['oauth.start'](input);
}

/** Stops waiting for the browser sign-in. */
export function cancelOAuth() {
  return api['oauth.cancel']({});
}
