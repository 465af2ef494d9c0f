import { z } from 'zod';

/** `microsoft`, `google`, or the URL of any other OAuth2 / OpenID Connect issuer. */
export type OAuthProvider = 'microsoft' | 'google' | (string & {});

/** Accepts the two named providers or an absolute http(s) issuer URL. */
export const oauthProviderSchema = z.union([
  z.literal('microsoft'),
  z.literal('google'),
  z
    .string()
    .trim()
    .url('Enter the sign-in server as a full address, for example https://auth.example.com.')
    .refine((url) => /^https?:\/\//i.test(url), 'The sign-in server address starts with https://.'),
]);

/**
 * How the shared mailbox signs in; the renderer sees which kind, never a secret. `signInAs` is
 * the person who signs in for a shared mailbox they open with delegated access.
 */
export type AccountAuth = { kind: 'password' } | { kind: 'oauth2'; provider: OAuthProvider; signInAs?: string };

/** Whether a provider can be used here, and if not, what to do about it. */
export interface OAuthAvailability {
  provider: 'microsoft' | 'google' | 'issuer';
  configured: boolean;
  /** Why the button cannot work yet and what to do, when `configured` is false. */
  help: string | null;
}

/** Where a sign-in started with `oauth.start` stands. */
export type OAuthSignInState =
  | { state: 'idle' }
  | { state: 'waiting'; url: string; provider: OAuthProvider }
  | { state: 'connected'; address: string }
  | { state: 'failed'; message: string };

/** The sign-in in progress and, when the provider signed the mailbox out, what to tell the person. */
export interface OAuthStatus {
  flow: OAuthSignInState;
  /** "Microsoft signed you out of support@…. Sync is paused until you sign in again." */
  signedOut: string | null;
  /** The provider to sign in with again (the connected account's), when it uses OAuth2. */
  provider: OAuthProvider | null;
}

/** What `oauth.start` needs: the provider, the mailbox, and for an issuer its mail servers. */
export const oauthStartSchema = z
  .object({
    provider: oauthProviderSchema,
    /** The shared mailbox's address; for Microsoft 365 a shared mailbox the person may open. */
    address: z.string().trim().email('Enter the shared address, for example support@example.com.').optional(),
    /** The person who signs in, when it is not the mailbox itself (delegated access). */
    signInAs: z.string().trim().email('Enter the address you sign in with.').optional(),
    displayName: z.string().trim().max(200).default(''),
    servers: z
      .object({
        imap: z.object({
          host: z.string().trim().min(1).max(253),
          port: z.coerce.number().int().min(1).max(65535),
          tls: z.enum(['tls', 'starttls', 'none']),
        }),
        smtp: z.object({
          host: z.string().trim().min(1).max(253),
          port: z.coerce.number().int().min(1).max(65535),
          tls: z.enum(['tls', 'starttls', 'none']),
        }),
      })
      .optional(),
  })
  .strict();

/** A parsed `oauth.start` request. */
export type OAuthStart = z.infer<typeof oauthStartSchema>;
