import { accountInputSchema, fieldErrors } from '../../../shared/schemas';
import type { PromptlyService } from '../../service/service';
import { formatReport } from '../format';
import { EXIT, UsageError, type CliIo, type EngineVerb, type Flags, type VerbContext } from '../io';
import { formatDiscovery, wantsDiscovery, withDiscovered } from './discover';
import { oauthAccountSet } from './oauthCli';

/** Failures that mean the server could not be reached (rather than that it said no). */
const UNREACHABLE: ReadonlySet<string> = new Set(['network', 'connection-refused', 'dns', 'timeout']);

/** `account discover ADDR`: the server settings of an address, and where they came from. */
const accountDiscover: EngineVerb = async ({ positionals, service, io, print }) => {
  const address = positionals[2];
  if (!address)
    throw new UsageError('account discover needs an address, for example: account discover support@example.com');
  const result = await service.call('account.discover', { address });
  print(result, () => formatDiscovery(result));
  if (result.source === 'none') io.err(`promptly: no server settings found for ${address}.`);
  return result.source === 'none' ? EXIT.failure : EXIT.ok;
};

/** `account set`: signs in with OAuth2, or tests the password on both servers and saves. */
const accountSet: EngineVerb = async (ctx) => {
  const { values, service, io, print } = ctx;
  if (values.auth !== undefined && values.auth !== 'password' && values.auth !== 'oauth2')
    throw new UsageError('--auth is password (the default) or oauth2.');
  if (values.auth === 'oauth2') {
    const address = await oauthAccountSet(service, values, io);
    print({ ok: true, address }, () => `Signed in as ${address}; both servers accepted the sign-in.\nSaved.`);
    return EXIT.ok;
  }
  passwordFromEnv(values, io.env); // before any lookup: a missing password is the first thing to fix
  const input = accountInputFromFlags(wantsDiscovery(values) ? await discovered(values, service, io) : values, io.env);
  const report = await service.saveAccount(input);
  const failed = [report.imap, report.smtp].filter((s) => !s.ok);
  const unreachable = failed.length > 0 && failed.every((s) => UNREACHABLE.has(s.code ?? ''));
  // --save-anyway helps only when a server could not be reached, never past a refused password.
  if (values['save-anyway'] && unreachable) {
    await service.saveAccountLater(input);
    print(
      report,
      () => `${formatReport(report)}\nSaved without a connection; "sync" connects once the server answers.`,
    );
    return EXIT.ok;
  }
  print(report, () => `${formatReport(report)}${report.ok ? '\nSaved.' : ''}`);
  if (!report.ok) explainNotSaved(ctx, failed[0]?.message ?? '', unreachable);
  return report.ok ? EXIT.ok : EXIT.failure;
};

function explainNotSaved({ values, io }: VerbContext, why: string, unreachable: boolean): void {
  io.err(`promptly: nothing was saved: ${why}`);
  if (!values['save-anyway'] && unreachable)
    io.err('promptly: if the settings are right and the server is only away, add --save-anyway.');
}

/** `account test`: the saved mailbox against both servers. */
const accountTest: EngineVerb = async ({ service, io, print }) => {
  const report = await service.call('account.testSaved', {});
  print(report, () => formatReport(report));
  if (!report.ok) io.err(`promptly: ${(!report.imap.ok ? report.imap : report.smtp).message}`);
  return report.ok ? EXIT.ok : EXIT.failure;
};

export const ACCOUNT_VERBS: Record<string, EngineVerb> = {
  'account discover': accountDiscover,
  'account set': accountSet,
  'account test': accountTest,
};

/** The password of `account set`, read from the variable --password-env names. */
function passwordFromEnv(values: Flags, env: NodeJS.ProcessEnv): string {
  const varName = values['password-env'];
  if (!varName)
    throw new UsageError(
      'account set needs --password-env VAR (the password is read from that environment variable, never from the command line).',
    );
  const password = env[varName];
  if (password === undefined || password === '')
    throw new UsageError(`the environment variable ${varName} is empty; set it to the password first.`);
  return password;
}

/** `account set` without servers: finds them from --address and says where they came from. */
async function discovered(values: Flags, service: PromptlyService, io: CliIo): Promise<Flags> {
  if (!values.address)
    throw new UsageError('account set needs --address (the servers are found from it when you leave them out).');
  const result = await service.call('account.discover', { address: values.address });
  const filled = { ...values, ...withDiscovered(values, result) };
  io.err(`promptly: using ${result.sourceDetail}`);
  if (result.settings.auth === 'oauth2')
    io.err('promptly: this provider prefers OAuth2 sign-in; a password works only where it allows app passwords.');
  return filled;
}

function accountInputFromFlags(values: Flags, env: NodeJS.ProcessEnv) {
  const password = passwordFromEnv(values, env);
  const parsed = accountInputSchema.safeParse({
    address: values.address,
    displayName: values.name ?? '',
    imap: { host: values['imap-host'], port: values['imap-port'], tls: values['imap-tls'] },
    smtp: { host: values['smtp-host'], port: values['smtp-port'], tls: values['smtp-tls'] },
    user: values.user,
    password,
  });
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrors(parsed.error))[0] ?? ['input', 'invalid'];
    throw new UsageError(`--${field.replace('.', '-')}: ${message}`);
  }
  return parsed.data;
}
