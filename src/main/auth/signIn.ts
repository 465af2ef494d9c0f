import * as oauth from 'oauth4webapi';
import type { OAuthClient } from './clients';
import { AuthError } from './errors';
import { receiveRedirect } from './loopback';
import { isLoopbackUrl, type ProviderProfile } from './providers';

/** What a finished sign-in yields. The refresh token goes to the keychain, the rest stays in memory. */
export interface SignedIn {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms, or null when the provider did not say. */
  expiresAt: number | null;
  /** The signed-in address from the ID token, when the provider sent one. */
  email: string | null;
}

/** The effects of a sign-in, passed in: the system browser and the clock. */
export interface SignInEffects {
  /** Opens the URL in the system browser (RFC 8252 4.1: not an embedded web view). */
  openUrl: (url: string) => Promise<void> | void;
  now: () => number;
  /** Ends the wait (the person closed the dialog or started over). */
  signal?: AbortSignal;
  /** How long to wait for the browser to come back. */
  timeoutMs?: number;
}

/** oauth4webapi options: plain http only for an issuer on this machine. */
export function requestOptions(profile: ProviderProfile): { [oauth.allowInsecureRequests]?: boolean } {
  return isLoopbackUrl(profile.issuer) ? { [oauth.allowInsecureRequests]: true } : {};
}

const discovered = new Map<string, oauth.AuthorizationServer>();

/** The provider's endpoints: fixed ones, or OpenID Connect / RFC 8414 discovery (cached). */
export async function authorizationServer(profile: ProviderProfile): Promise<oauth.AuthorizationServer> {
  if (profile.server) return profile.server;
  const cached = discovered.get(profile.issuer);
  if (cached) return cached;
  const issuer = new URL(profile.issuer);
  let server: oauth.AuthorizationServer | null = null;
  let lastError: unknown = null;
  for (const algorithm of ['oidc', 'oauth2'] as const) {
    try {
      const response = await oauth.discoveryRequest(issuer, { algorithm, ...requestOptions(profile) });
      server = await oauth.processDiscoveryResponse(issuer, response);
      break;
    } catch (error) {
      lastError = error;
    }
  }
  if (!server) {
    const why = lastError instanceof Error ? lastError.message : String(lastError);
    throw new AuthError(
      'auth',
      `${profile.issuer} does not describe itself as a sign-in server (${why}). Check the address.`,
    );
  }
  discovered.set(profile.issuer, server);
  return server;
}

/** The client authentication: none for a public client, client_secret_post for Google's installed apps. */
export function clientAuth(client: OAuthClient): oauth.ClientAuth {
  return client.clientSecret ? oauth.ClientSecretPost(client.clientSecret) : oauth.None();
}

/** The authorization URL with PKCE (RFC 7636, S256) and `state`. */
async function authorizationUrl(
  server: oauth.AuthorizationServer,
  profile: ProviderProfile,
  client: OAuthClient,
  redirectUri: string,
  loginHint: string | undefined,
): Promise<{ url: URL; verifier: string; state: string }> {
  if (!server.authorization_endpoint) throw new AuthError('auth', `${profile.label} has no authorization endpoint.`);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(server.authorization_endpoint);
  const params: Record<string, string> = {
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: profile.scopes.join(' '),
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...profile.extraParams,
    ...(loginHint ? { login_hint: loginHint } : {}),
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { url, verifier, state };
}

/** Waits for the redirect, the abort signal or the timeout, whichever comes first. */
function waitForRedirect(result: Promise<URL>, effects: SignInEffects): Promise<URL> {
  const limit = effects.timeoutMs ?? 10 * 60_000;
  return new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new AuthError('auth', 'The sign-in took too long and was stopped. Start it again.')),
      limit,
    );
    effects.signal?.addEventListener('abort', () => reject(new AuthError('auth', 'The sign-in was cancelled.')));
    result.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** The provider's own words for a failed step, never a token. */
export function describeOAuthError(label: string, error: unknown): string {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
    const text = error.error_description ? `${error.error}: ${error.error_description}` : error.error;
    return `${label} refused the sign-in (${text}).`;
  }
  if (error instanceof AuthError) return error.message;
  const why = error instanceof Error ? error.message : String(error);
  return `The sign-in with ${label} failed: ${why}.`;
}

/**
 * The desktop public-client flow: authorization code with PKCE in the system browser and a
 * loopback redirect (RFC 8252), `state` checked by oauth4webapi. `onUrl` learns the URL too,
 * so the person can open it by hand when no browser opens.
 */
export async function signIn(
  profile: ProviderProfile,
  client: OAuthClient,
  effects: SignInEffects,
  options: { loginHint?: string; onUrl?: (url: string) => void } = {},
): Promise<SignedIn> {
  const server = await authorizationServer(profile);
  const receiver = await receiveRedirect(profile.redirectHost);
  try {
    const { url, verifier, state } = await authorizationUrl(
      server,
      profile,
      client,
      receiver.redirectUri,
      options.loginHint,
    );
    options.onUrl?.(url.href);
    await effects.openUrl(url.href);
    const back = await waitForRedirect(receiver.result, effects);
    const oauthClient: oauth.Client = { client_id: client.clientId };
    const params = oauth.validateAuthResponse(server, oauthClient, back, state);
    const response = await oauth.authorizationCodeGrantRequest(
      server,
      oauthClient,
      clientAuth(client),
      params,
      receiver.redirectUri,
      verifier,
      requestOptions(profile),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(server, oauthClient, response);
    const claims = oauth.getValidatedIdTokenClaims(tokens);
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresAt: tokens.expires_in !== undefined ? effects.now() + tokens.expires_in * 1000 : null,
      email: typeof claims?.email === 'string' ? claims.email.toLowerCase() : null,
    };
  } catch (error) {
    throw error instanceof AuthError ? error : new AuthError('auth', describeOAuthError(profile.label, error));
  } finally {
    receiver.close();
  }
}
