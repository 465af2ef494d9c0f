import type { SecretStore } from '../secrets';
import type { MailSecret } from '../mail/login';
import type { Account } from '../store/repos/accounts';
import { resolveClient, type ClientSources } from './clients';
import { AuthError } from './errors';
import { providerProfile } from './providers';
import type { SignedIn } from './signIn';
import type { TokenSource } from '../mail/login';
import { OAuthTokens } from './tokens';

/** Where an OAuth2 mailbox's refresh token is kept in the SecretStore. */
export function refreshTokenRef(address: string): string {
  return `oauth:${address.toLowerCase()}`;
}

/** What {@link MailLogins} needs. */
export interface MailLoginDeps {
  secrets: SecretStore;
  now: () => number;
  clients: ClientSources;
  /** The provider refused the refresh token: sync must pause until the person signs in again. */
  onSignedOut: (address: string, message: string) => void;
}

/**
 * The secret each connection signs in with: the stored password, or the mailbox's token
 * source (one per account, so every connection shares its access token and refreshes).
 */
export class MailLogins {
  private readonly tokens = new Map<string, OAuthTokens>();
  /** Ready access tokens given from outside (the CLI's --oauth-token-env), by address; never refreshed. */
  private readonly given = new Map<string, TokenSource>();
  private signedOut: { address: string; message: string } | null = null;

  constructor(private readonly deps: MailLoginDeps) {}

  /** The login for this account's next connection. */
  async secretFor(account: Account): Promise<MailSecret> {
    if (account.auth.kind === 'oauth2') {
      if (this.signedOut?.address === account.address) throw new AuthError('signed-out', this.signedOut.message);
      return { tokens: this.given.get(account.address) ?? this.tokensFor(account) };
    }
    const password = await this.deps.secrets.get(account.secretRef);
    if (password === null)
      throw new AuthError(
        'auth',
        'The password for this mailbox is missing. Enter it again in Settings (or "account set").',
      );
    return { password };
  }

  /** Why sync is paused for this account, if the provider signed the person out. */
  signedOutMessage(address: string): string | null {
    return this.signedOut?.address === address ? this.signedOut.message : null;
  }

  /** Every connection of this mailbox signs in with `tokens` instead of the stored refresh token. */
  useToken(address: string, tokens: TokenSource): void {
    this.given.set(address.toLowerCase(), tokens);
  }

  /** A fresh sign-in: its refresh token replaces the stored one and sync may resume. */
  async adopt(account: Pick<Account, 'address' | 'secretRef' | 'auth'>, signedIn: SignedIn): Promise<void> {
    if (signedIn.refreshToken !== null) await this.deps.secrets.set(account.secretRef, signedIn.refreshToken);
    this.tokensFor(account).seed(signedIn);
    if (this.signedOut?.address === account.address) this.signedOut = null;
  }

  private tokensFor(account: Pick<Account, 'address' | 'secretRef' | 'auth'>): OAuthTokens {
    if (account.auth.kind !== 'oauth2') throw new Error('tokens asked for a password account');
    const key = `${account.address}\n${account.auth.provider}`;
    let tokens = this.tokens.get(key);
    if (!tokens) {
      const provider = account.auth.provider;
      const client = resolveClient(provider, this.deps.clients);
      if (!client) throw new AuthError('oauth-not-configured', `No client ID is configured for ${provider}.`);
      tokens = new OAuthTokens({
        profile: providerProfile(provider),
        client,
        secrets: this.deps.secrets,
        refreshRef: account.secretRef,
        address: account.address,
        now: this.deps.now,
        onSignedOut: (message) => {
          this.signedOut = { address: account.address, message };
          this.deps.onSignedOut(account.address, message);
        },
      });
      this.tokens.set(key, tokens);
    }
    return tokens;
  }
}
