import type { OAuthSignInState, OAuthStart, OAuthStatus } from '../../shared/oauth';
import type { ConnectionReport } from '../../shared/types';
import { availability, resolveClient, type ClientSources } from '../auth/clients';
import { refreshTokenRef, type MailLogins } from '../auth/mailLogins';
import { providerProfile, type ProviderProfile } from '../auth/providers';
import { signIn, type SignedIn } from '../auth/signIn';
import { FixedToken, FreshToken } from '../auth/tokens';
import type { TokenSource } from '../mail/login';
import { checkServers } from '../mail/accountCheck';
import type { Db } from '../store/db';
import { getAccount, saveAccount } from '../store/repos/accounts';
import { AppError } from '../appError';

/** What a sign-in needs from the service around it. */
export interface OAuthFlowDeps {
  db: () => Db;
  logins: MailLogins;
  clients: ClientSources;
  now: () => number;
  /** The system browser; absent in the preview, where the person follows the link shown. */
  openUrl?: (url: string) => Promise<void> | void;
  /** The account is connected (first time, or again after a sign-out): sync and send. */
  connected: () => void;
}

type Servers = NonNullable<OAuthStart['servers']>;

/**
 * "Sign in with Microsoft / Google / your provider": runs the browser flow in the
 * background, tests both servers with the new token, then saves the account (the refresh
 * token goes to the keychain). One sign-in at a time; starting again cancels the last one.
 */
export class OAuthFlow {
  private state: OAuthSignInState = { state: 'idle' };
  private abort: AbortController | null = null;

  constructor(private readonly deps: OAuthFlowDeps) {}

  status(): OAuthStatus {
    const account = getAccount(this.deps.db());
    const oauth = account?.auth.kind === 'oauth2' ? account.auth : null;
    return {
      flow: this.state,
      signedOut: account ? this.deps.logins.signedOutMessage(account.address) : null,
      provider: oauth?.provider ?? null,
    };
  }

  cancel(): OAuthStatus {
    this.abort?.abort();
    this.abort = null;
    this.state = { state: 'idle' };
    return this.status();
  }

  /** Starts a sign-in and resolves once the browser has its URL (or the start failed). */
  async start(input: OAuthStart): Promise<OAuthStatus> {
    this.cancel();
    const profile = providerProfile(input.provider);
    const client = resolveClient(input.provider, this.deps.clients);
    if (!client) {
      const help = availability(this.deps.clients).find((a) => a.provider === input.provider)?.help;
      throw new AppError('oauth-not-configured', help ?? `No client ID is configured for ${profile.label}.`);
    }
    const servers = this.serversFor(profile, input);
    const abort = new AbortController();
    this.abort = abort;
    let shown: () => void = () => undefined;
    const urlShown = new Promise<void>((resolve) => (shown = resolve));
    const run = signIn(
      profile,
      client,
      { openUrl: this.deps.openUrl ?? (() => undefined), now: this.deps.now, signal: abort.signal },
      {
        loginHint: input.signInAs ?? input.address,
        onUrl: (url) => {
          this.state = { state: 'waiting', url, provider: input.provider };
          shown();
        },
      },
    )
      .then((signedIn) => this.connect(profile, input, servers, signedIn))
      .then(
        (address) => this.settle(abort, { state: 'connected', address }),
        (error: unknown) =>
          this.settle(abort, { state: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    await Promise.race([urlShown, run]);
    return this.status();
  }

  private settle(abort: AbortController, state: OAuthSignInState): void {
    if (this.abort !== abort) return; // a newer sign-in replaced this one
    this.abort = null;
    this.state = state;
  }

  /**
   * Saves the mailbox with a ready access token (the CLI's --oauth-token-env): both servers
   * are tested with it, nothing is stored but the settings, and the token is never refreshed.
   */
  async connectWithToken(input: OAuthStart, token: FixedToken): Promise<string> {
    const profile = providerProfile(input.provider);
    const address = input.address?.toLowerCase();
    if (!address)
      throw new AppError('invalid-arguments', 'Enter the shared address.', { address: 'Enter the shared address.' });
    const person = input.signInAs?.toLowerCase() ?? null;
    const account = await this.save(profile, input, this.serversFor(profile, input), address, token, person);
    this.deps.logins.useToken(address, token);
    this.deps.connected();
    return account.address;
  }

  private serversFor(profile: ProviderProfile, input: OAuthStart): Servers {
    const servers = profile.servers ?? input.servers;
    if (!servers)
      throw new AppError('invalid-arguments', 'Enter the IMAP and SMTP servers of this mailbox before signing in.', {
        servers: 'Enter the IMAP and SMTP servers.',
      });
    return servers;
  }

  /** Tests both servers with the new token, then saves the account and hands the token over. */
  private async connect(
    profile: ProviderProfile,
    input: OAuthStart,
    servers: Servers,
    signedIn: SignedIn,
  ): Promise<string> {
    const address = (input.address ?? signedIn.email)?.toLowerCase();
    if (!address)
      throw new AppError(
        'auth',
        `${profile.label} did not say which address you signed in with. Enter the shared address.`,
      );
    const tokens = new FreshToken(signedIn.accessToken);
    const person = input.signInAs?.toLowerCase() ?? signedIn.email?.toLowerCase() ?? null;
    const account = await this.save(profile, input, servers, address, tokens, person);
    await this.deps.logins.adopt(account, signedIn);
    this.deps.connected();
    return address;
  }

  /** Both servers must accept the token before anything is saved. */
  private async save(
    profile: ProviderProfile,
    input: OAuthStart,
    servers: Servers,
    address: string,
    tokens: TokenSource,
    person: string | null = null,
  ) {
    // Microsoft 365 shared mailboxes: the person signs in as themselves, IMAP/SMTP log in as the mailbox.
    const user = address;
    const report = await checkServers({ ...servers, user }, { tokens });
    if (!report.ok) throw new AppError('auth', refusal(profile, address, person, report));
    const delegated = person !== null && person !== address;
    const auth = { kind: 'oauth2' as const, provider: input.provider, ...(delegated ? { signInAs: person } : {}) };
    const account = { address, secretRef: refreshTokenRef(address), auth };
    saveAccount(
      this.deps.db(),
      { ...account, displayName: input.displayName, imap: servers.imap, smtp: servers.smtp, user },
      this.deps.now(),
    );
    return account;
  }
}

/**
 * Why the servers refused the new sign-in, in their words. When a teammate signed in for a
 * shared mailbox (delegated access), the usual cause is a missing permission, so say which.
 */
function refusal(profile: ProviderProfile, address: string, person: string | null, report: ConnectionReport): string {
  const failed = [report.imap, report.smtp].filter((check) => !check.ok).map((check) => check.message);
  if (person === null || person === address)
    return `You signed in with ${profile.label}, but the mail server did not let that sign-in open ${address}: ${failed.join(' ')}`;
  return (
    `You signed in with ${profile.label} as ${person}, but the mail server did not let ${person} open ${address}: ` +
    `${failed.join(' ')} If ${address} is a shared mailbox, an administrator must give ${person} access to it ` +
    '(in Microsoft 365: Full Access to read it, and Send As to send from it), then sign in again.'
  );
}
