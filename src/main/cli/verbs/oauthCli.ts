import { oauthProviderSchema, oauthStartSchema, type OAuthStart, type OAuthStatus } from '../../../shared/oauth';
import { fieldErrors } from '../../../shared/schemas';
import { FixedToken } from '../../auth/tokens';
import type { PromptlyService } from '../../service/service';
import { UsageError, type CliIo, type Flags } from '../io';
import { wantsDiscovery, withDiscovered } from './discover';

/** How often `account set --auth oauth2` asks whether the browser sign-in has finished. */
const POLL_MS = 200;

const PROVIDER_USAGE =
  'account set --auth oauth2 needs --provider microsoft, google, or the address of your sign-in server (https://…).';

/**
 * `account set --auth oauth2 --provider P`: the browser sign-in (the URL printed, a browser
 * opened where one can be), or with --oauth-token-env a ready access token. Returns the address.
 */
export async function oauthAccountSet(service: PromptlyService, values: Flags, io: CliIo): Promise<string> {
  const input = await startInput(service, values, io);
  const tokenVar = values['oauth-token-env'];
  if (tokenVar !== undefined) {
    const address = await service.oauth.connectWithToken(input, givenToken(tokenVar, io.env));
    io.err(
      `promptly: signed in with the access token in ${tokenVar}. It is not refreshed: when it expires, set a fresh one.`,
    );
    return address;
  }
  const started = await service.call('oauth.start', input);
  if (started.flow.state === 'waiting') {
    io.err(`promptly: open this page to sign in (waiting for you to finish there):\n${started.flow.url}`);
    io.openUrl?.(started.flow.url);
  }
  const done = await finished(service, io.stopped);
  if (done.flow.state === 'connected') return done.flow.address;
  throw new Error(done.flow.state === 'failed' ? done.flow.message : 'Signing in was cancelled; nothing was saved.');
}

/** Uses the access token in VAR for this run's connections (any verb, with --oauth-token-env). */
export async function useGivenToken(service: PromptlyService, values: Flags, io: CliIo): Promise<void> {
  const tokenVar = values['oauth-token-env'];
  if (tokenVar === undefined) return;
  const account = await service.call('account.get', {});
  if (account?.auth.kind !== 'oauth2')
    throw new UsageError('--oauth-token-env is for a mailbox that signs in with OAuth2 (account set --auth oauth2).');
  service.logins.useToken(account.address, givenToken(tokenVar, io.env));
}

function givenToken(tokenVar: string, env: NodeJS.ProcessEnv): FixedToken {
  const token = env[tokenVar];
  if (!token) throw new UsageError(`the environment variable ${tokenVar} is empty; set it to an access token first.`);
  return new FixedToken(token, `the environment variable ${tokenVar}`);
}

/** What `oauth.start` needs, from the flags; an issuer's servers are found from the address when left out. */
async function startInput(service: PromptlyService, values: Flags, io: CliIo): Promise<OAuthStart> {
  const parsed = oauthProviderSchema.safeParse(values.provider);
  if (!values.provider || !parsed.success) throw new UsageError(PROVIDER_USAGE);
  const provider = parsed.data;
  const named = provider === 'microsoft' || provider === 'google';
  let flags: Flags = values;
  if (!named && wantsDiscovery(values)) {
    if (!values.address) throw new UsageError('account set needs --address.');
    const found = await service.call('account.discover', { address: values.address });
    flags = { ...values, ...withDiscovered(values, found) };
    io.err(`promptly: using ${found.sourceDetail}`);
  }
  const server = (kind: 'imap' | 'smtp') => ({
    host: flags[`${kind}-host`],
    port: flags[`${kind}-port`],
    tls: flags[`${kind}-tls`],
  });
  const checked = oauthStartSchema.safeParse({
    provider,
    address: values.address,
    signInAs: values['sign-in-as'],
    displayName: values.name ?? '',
    servers: named && wantsDiscovery(values) ? undefined : { imap: server('imap'), smtp: server('smtp') },
  });
  if (!checked.success) {
    const [field, message] = Object.entries(fieldErrors(checked.error))[0] ?? ['input', 'invalid'];
    throw new UsageError(`--${field.replace(/^servers\./, '').replace('.', '-')}: ${message}`);
  }
  return checked.data;
}

/** Waits for the browser sign-in to end; Ctrl+C cancels it. */
async function finished(service: PromptlyService, stopped?: Promise<void>): Promise<OAuthStatus> {
  let cancelled = false;
  void stopped?.then(() => (cancelled = true));
  for (;;) {
    if (cancelled) return service.call('oauth.cancel', {});
    const status = await service.call('oauth.status', {});
    if (status.flow.state !== 'waiting') return status;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
