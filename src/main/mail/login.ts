/**
 * How Promptly signs in to the mail servers: a password, or an OAuth2 access token fetched
 * fresh for every connection (tokens expire; a connection opened an hour later needs a new
 * one). The token source lives in src/main/auth; mail code only asks it.
 */
import type { AccountView } from '../../shared/types';

/** A source of access tokens for one mailbox (SASL XOAUTH2 / OAUTHBEARER, RFC 7628). */
export interface TokenSource {
  /** A token valid for at least a little while; refreshes it first when it is about to expire. */
  accessToken(): Promise<string>;
  /** The server refused the last token: the next `accessToken()` must fetch a new one. */
  refused(): void;
}

/** The secret part of a server's settings: a password, or a token source. */
export type MailSecret = { password: string } | { tokens: TokenSource };

/** One of an account's servers with the account's user: a connection's settings but the secret. */
export function serverOf(
  account: Pick<AccountView, 'imap' | 'smtp' | 'user'>,
  which: 'imap' | 'smtp',
): AccountView['imap'] & { user: string } {
  return { ...account[which], user: account.user };
}

/** A failure that is not about the server: e.g. the provider signed the person out. */
export interface SignInProblem extends Error {
  code: 'signed-out' | 'auth';
}

/**
 * Runs `attempt` with the secret's login; after an authentication failure with a token, asks
 * the source for a fresh one and tries once more (a token can expire on the way to the server).
 */
export async function withLogin<T>(
  secret: MailSecret,
  attempt: (login: { pass: string } | { accessToken: string }) => Promise<T>,
  isAuthFailure: (error: unknown) => boolean,
): Promise<T> {
  if ('password' in secret) return attempt({ pass: secret.password });
  try {
    return await attempt({ accessToken: await secret.tokens.accessToken() });
  } catch (error) {
    if (!isAuthFailure(error)) throw error;
    secret.tokens.refused();
    return attempt({ accessToken: await secret.tokens.accessToken() });
  }
}
