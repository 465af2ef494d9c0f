/**
 * The authorization server of the OAuth mail world: a real `oidc-provider` (a certified OpenID
 * Connect implementation) on loopback with a public native client (PKCE required, refresh
 * tokens), a confidential client the mail servers use for RFC 7662 token introspection, and
 * its built-in login and consent pages for Chromium to drive.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';
import { HOST } from './mailworld-dovecot';

/** The public client Promptly signs in with (the documented default for any issuer). */
export const PUBLIC_CLIENT_ID = 'promptly';

/** A running authorization server and the levers tests pull on it. */
export interface AuthServer {
  issuer: string;
  /** The introspection endpoint with the mail servers' client credentials in it (for Dovecot). */
  introspectionUrl: string;
  /** RFC 7662: whether the token is active and whose it is. */
  introspect(token: string): Promise<{ active: boolean; username?: string }>;
  /** Lifetime of access tokens issued from now on, in seconds. */
  setAccessTokenTtl(seconds: number): void;
  /** Grant types of every successful token request, in order (e.g. refresh_token). */
  grants: string[];
  /** Drops every grant and token of this account, as a password change at the provider does. */
  signOut(accountId: string): void;
  /**
   * Ends the lifetime of every access token issued to this account now, as the passing of their
   * expiry would (introspection answers inactive); the grant and its refresh token stay good.
   * The provider keeps its own clock, so tests expire tokens with this rather than by waiting.
   */
  expireAccessTokens(accountId: string): void;
  close(): Promise<void>;
}

type Stored = { payload: AdapterPayload; expiresAt: number | null };

/** An in-memory adapter whose contents the test can reach (to revoke an account's tokens). */
function memoryAdapter(store: Map<string, Stored>): new (name: string) => Adapter {
  return class MemoryAdapter implements Adapter {
    constructor(private readonly name: string) {}
    private key(id: string): string {
      return `${this.name}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
    }
    async find(id: string): Promise<AdapterPayload | undefined> {
      const entry = store.get(this.key(id));
      if (!entry) return undefined;
      if (entry.expiresAt !== null && entry.expiresAt < Date.now()) return undefined;
      return entry.payload;
    }
    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      for (const [key, entry] of store)
        if (key.startsWith(`${this.name}:`) && entry.payload.uid === uid) return entry.payload;
      return undefined;
    }
    async findByUserCode(): Promise<AdapterPayload | undefined> {
      return undefined;
    }
    async consume(id: string): Promise<void> {
      const entry = store.get(this.key(id));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
    }
  };
}

/** Starts the server on a free loopback port. Any login name signs in as that account. */
export async function startAuthServer(opts: { accessTokenTtl?: number } = {}): Promise<AuthServer> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, HOST, resolve));
  const issuer = `http://${HOST}:${(server.address() as net.AddressInfo).port}`;
  const store = new Map<string, Stored>();
  const introspector = { id: 'mail-servers', secret: randomBytes(16).toString('hex') };
  let accessTokenTtl = opts.accessTokenTtl ?? 3600;
  const provider = new Provider(issuer, {
    adapter: memoryAdapter(store),
    clients: [
      {
        client_id: PUBLIC_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        // RFC 8252 7.3: the port of a loopback redirect is ignored when matching.
        redirect_uris: [`http://${HOST}/`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      {
        client_id: introspector.id,
        client_secret: introspector.secret,
        redirect_uris: [],
        grant_types: [],
        response_types: [],
      },
    ],
    scopes: ['openid', 'email', 'offline_access'],
    // Put the email claim in the ID token too (as Google does), not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true }),
    }),
    // Dovecot's oauth2 passdb compares this attribute of the introspection answer to the login.
    extraTokenClaims: (_ctx, token) => ('accountId' in token ? { username: token.accountId } : undefined),
    features: {
      devInteractions: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
    },
    ttl: {
      AccessToken: () => accessTokenTtl,
      RefreshToken: 24 * 3600,
      Grant: 24 * 3600,
      Session: 24 * 3600,
      Interaction: 3600,
      IdToken: 3600,
    },
    pkce: { required: () => true },
  });
  const grants: string[] = [];
  provider.on('grant.success', (ctx) => grants.push(String(ctx.oidc.params?.grant_type ?? '')));
  server.on('request', provider.callback());
  const introspect = async (token: string): Promise<{ active: boolean; username?: string }> => {
    const basic = Buffer.from(`${introspector.id}:${introspector.secret}`).toString('base64');
    const response = await fetch(`${issuer}/token/introspection`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    return (await response.json()) as { active: boolean; username?: string };
  };
  return {
    issuer,
    introspectionUrl: `http://${introspector.id}:${introspector.secret}@${HOST}:${new URL(issuer).port}/token/introspection`,
    introspect,
    setAccessTokenTtl: (seconds) => {
      accessTokenTtl = seconds;
    },
    grants,
    signOut: (accountId) => {
      for (const [key, entry] of store) if (entry.payload.accountId === accountId) store.delete(key);
    },
    expireAccessTokens: (accountId) => {
      for (const [key, entry] of store)
        if (key.startsWith('AccessToken:') && entry.payload.accountId === accountId) entry.expiresAt = Date.now() - 1;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
