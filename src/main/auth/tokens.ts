import * as oauth from 'oauth4webapi';
import type { SecretStore } from '../secrets';
import type { TokenSource } from '../mail/login';
import type { OAuthClient } from './clients';
import { AuthError, signedOutMessage } from './errors';
import type { ProviderProfile } from './providers';
import { authorizationServer, clientAuth, describeOAuthError, requestOptions, type SignedIn } from './signIn';

/** Refresh this long before the provider's expiry, or at three quarters of a short lifetime. */
const REFRESH_MARGIN_MS = 60_000;

interface AccessToken {
  token: string;
  /** When to stop using it (the expiry minus the margin), or null when the provider gave none. */
  refreshAt: number | null;
}

/** What an account's token source needs. */
export interface OAuthTokenDeps {
  profile: ProviderProfile;
  client: OAuthClient;
  secrets: SecretStore;
  /** Where the refresh token is kept in the SecretStore. */
  refreshRef: string;
  /** The mailbox, for the signed-out sentence. */
  address: string;
  now: () => number;
  /** Told once each time the provider refuses the refresh token. */
  onSignedOut?: (message: string) => void;
}

/**
 * Access tokens for one mailbox: kept in memory only, refreshed before they expire and after a
 * server refused one. The refresh token lives in the SecretStore (keychain) and is replaced
 * when the provider rotates it. `invalid_grant` means the person must sign in again.
 */
export class OAuthTokens implements TokenSource {
  private access: AccessToken | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(private readonly deps: OAuthTokenDeps) {}

  /** Starts from a fresh sign-in's access token (its refresh token is stored by the caller). */
  seed(signedIn: Pick<SignedIn, 'accessToken' | 'expiresAt'>): void {
    this.access = this.remember(signedIn.accessToken, signedIn.expiresAt);
  }

  async accessToken(): Promise<string> {
    const current = this.access;
    if (current && (current.refreshAt === null || current.refreshAt > this.deps.now())) return current.token;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  refused(): void {
    this.access = null;
  }

  private remember(token: string, expiresAt: number | null): AccessToken {
    if (expiresAt === null) return { token, refreshAt: null };
    const lifetime = Math.max(0, expiresAt - this.deps.now());
    return { token, refreshAt: expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 4) };
  }

  private signedOut(): AuthError {
    const message = signedOutMessage(this.deps.profile.label, this.deps.address);
    this.deps.onSignedOut?.(message);
    return new AuthError('signed-out', message);
  }

  private async refresh(): Promise<string> {
    const { profile, client, secrets, refreshRef } = this.deps;
    const refreshToken = await secrets.get(refreshRef);
    if (refreshToken === null) throw this.signedOut();
    const server = await authorizationServer(profile);
    const oauthClient: oauth.Client = { client_id: client.clientId };
    let tokens: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.refreshTokenGrantRequest(
        server,
        oauthClient,
        clientAuth(client),
        refreshToken,
        requestOptions(profile),
      );
      tokens = await oauth.processRefreshTokenResponse(server, oauthClient, response);
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError && error.error === 'invalid_grant') throw this.signedOut();
      const code = error instanceof oauth.ResponseBodyError ? 'auth' : 'network';
      throw new AuthError(code, describeOAuthError(profile.label, error));
    }
    if (tokens.refresh_token && tokens.refresh_token !== refreshToken)
      await secrets.set(refreshRef, tokens.refresh_token);
    const expiresAt = tokens.expires_in !== undefined ? this.deps.now() + tokens.expires_in * 1000 : null;
    this.access = this.remember(tokens.access_token, expiresAt);
    return tokens.access_token;
  }
}

/**
 * A ready access token from the environment (`--oauth-token-env`), for scripts: never
 * refreshed, so once a server refuses it the error says to set a fresh one.
 */
export class FixedToken implements TokenSource {
  private refusedOnce = false;
  constructor(
    private readonly token: string,
    private readonly source: string,
  ) {}

  async accessToken(): Promise<string> {
    if (this.refusedOnce)
      throw new AuthError(
        'auth',
        `The server refused the access token from ${this.source}; it may have expired. Tokens from the environment are not refreshed: set a fresh one.`,
      );
    return this.token;
  }

  refused(): void {
    this.refusedOnce = true;
  }
}

/**
 * The access token of a sign-in that just finished, for testing both servers before the
 * account is saved: a refusal is the server's answer to this sign-in, so it is not retried
 * with another token and the server's own words reach the person.
 */
export class FreshToken implements TokenSource {
  constructor(private readonly token: string) {}

  async accessToken(): Promise<string> {
    return this.token;
  }

  refused(): void {
    // Nothing to renew: the caller's second attempt gets the server's answer again, in its words.
  }
}
