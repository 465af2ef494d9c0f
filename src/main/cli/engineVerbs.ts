import { FileSecretStore } from '../secrets';
import { cliSecretsFile } from '../paths';
import { PromptlyService } from '../service/service';
import type { Db } from '../store/db';
import { VERSION } from '../version';
import { configureLiveFromFlags, syncVerb } from './verbs/sync';
import { outboxVerbs } from './verbs/outboxCli';
import { TEAM_VERBS, teamVerb } from './verbs/team';
import { templateVerb } from './verbs/templates';
import { threadFixVerb } from './verbs/merge';
import { ACCOUNT_VERBS } from './verbs/accountCli';
import { THREAD_VERBS } from './verbs/threadsCli';
import { REPORT_VERBS } from './verbs/reportsCli';
import { EXIT, UsageError, type CliIo, type EngineVerb, type Flags } from './io';
import { useGivenToken } from './verbs/oauthCli';

// Every verb but the quick ones: loaded on demand so `promptly status` does not load the mail libraries.

/** Runs a verb against the full engine (the service over the already opened database). */
export async function runEngineVerb(
  positionals: string[],
  values: Flags,
  io: CliIo,
  db: Db,
  dataDir: string,
): Promise<number> {
  const service = new PromptlyService({
    db,
    secrets: new FileSecretStore(cliSecretsFile(dataDir)),
    now: io.now,
    version: VERSION,
    dataDir,
    me: values.me?.toLowerCase(),
    discovery: io.discovery,
    // `account set` saves the mailbox; `sync` is what syncs it.
    syncAfterSignIn: false,
  });
  if (!(positionals[0] === 'account' && positionals[1] === 'set')) await useGivenToken(service, values, io);
  return runVerb(positionals, values, service, io);
}

/** `sync [--once]`: keeps the mailbox in sync until Ctrl+C, or one pass. */
const sync: EngineVerb = async ({ values, service, io }) => {
  await configureLiveFromFlags(service, values);
  await syncVerb(service, values.once ?? false, {
    out: io.out,
    err: io.err,
    json: values.json ?? false,
    stopped: io.stopped,
  });
  return EXIT.ok;
};

/** `templates` lists the saved replies; `templates save|delete NAME` changes them. */
const templates: EngineVerb = async (ctx) => {
  const [, sub, name] = ctx.positionals;
  if (sub === undefined) return outboxVerb(ctx);
  if (sub !== 'save' && sub !== 'delete')
    throw new UsageError('usage: templates | templates save NAME --body TEXT [--subject S] | templates delete NAME');
  if (!name) throw new UsageError(`templates ${sub} needs the saved reply's name.`);
  const result = await templateVerb(ctx.service, sub, name, ctx.values);
  ctx.print(result.json, () => result.text);
  return EXIT.ok;
};

const threadFix =
  (fix: 'merge' | 'split'): EngineVerb =>
  async ({ positionals, values, service, print }) => {
    const result = await threadFixVerb(service, fix, positionals.slice(1), values);
    print(result.json, () => result.text);
    return EXIT.ok;
  };

/** `claim KEY`, `assign KEY ADDRESS`, `note KEY TEXT` …: team actions on one conversation. */
const teamAction: EngineVerb = async ({ positionals, service, print }) => {
  const [verb = '', sub, ...rest] = positionals;
  const spec = TEAM_VERBS[verb]!;
  if (!sub || rest.length < spec.args) throw new UsageError(`usage: ${spec.usage}`);
  const result = await teamVerb(service, verb, sub, rest);
  print(result.json, () => result.text);
  return EXIT.ok;
};

const VERBS: Record<string, EngineVerb> = {
  ...Object.fromEntries(Object.keys(TEAM_VERBS).map((verb) => [verb, teamAction])),
  ...ACCOUNT_VERBS,
  ...THREAD_VERBS,
  ...REPORT_VERBS,
  sync,
  templates,
  merge: threadFix('merge'),
  split: threadFix('split'),
  reply: outboxVerb,
  courtesy: outboxVerb,
  outbox: outboxVerb,
};

async function runVerb(positionals: string[], values: Flags, service: PromptlyService, io: CliIo): Promise<number> {
  const [verb, sub, arg] = positionals;
  const print = (value: unknown, text: () => string): void => io.out(values.json ? JSON.stringify(value) : text());
  const name = `${verb}${verb === 'account' ? ` ${sub ?? ''}` : ''}`;
  const run = Object.hasOwn(VERBS, name) ? VERBS[name] : undefined;
  if (!run)
    throw new UsageError(`unknown verb "${[verb, sub, arg].filter(Boolean).join(' ')}". Run with --help for usage.`);
  return run({ positionals, values, service, io, print });
}

/** `reply`, `courtesy`, `outbox …` and the `templates` list. */
async function outboxVerb({ positionals, values, service, io, print }: Parameters<EngineVerb>[0]): Promise<number> {
  const result = await outboxVerbs(service, positionals[0] ?? '', positionals.slice(1), values);
  print(result.value, () => result.text);
  if (!result.ok) io.err(`promptly: ${result.text.split('\n')[0]}`);
  return result.ok ? EXIT.ok : EXIT.failure;
}
