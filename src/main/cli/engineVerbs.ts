import { accountInputSchema, fieldErrors } from '../../shared/schemas';
import { FileSecretStore } from '../secrets';
import { cliSecretsFile } from '../paths';
import { PromptlyService } from '../service/service';
import type { Db } from '../store/db';
import { formatDeadlines, formatMetrics, formatReport, formatThread, formatThreads } from './format';
import { VERSION } from '../version';
import { configureLiveFromFlags, syncVerb } from './verbs/sync';
import { outboxVerbs } from './verbs/outboxCli';
import { policyFromFlags } from './verbs/policy';
import { TEAM_VERBS, teamVerb } from './verbs/team';
import { templateVerb } from './verbs/templates';
import { threadFixVerb } from './verbs/merge';
import { VIEWS, type View } from '../../shared/team';
import { AppError } from '../appError';
import { formatDiscovery, wantsDiscovery, withDiscovered } from './verbs/discover';
import { EXIT, UsageError, type CliIo, type Flags } from './io';
import { oauthAccountSet, useGivenToken } from './verbs/oauthCli';

/** Failures that mean the server could not be reached (rather than that it said no). */
const UNREACHABLE: ReadonlySet<string> = new Set(['network', 'connection-refused', 'dns', 'timeout']);

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

async function runVerb(positionals: string[], values: Flags, service: PromptlyService, io: CliIo): Promise<number> {
  const [verb, sub, arg] = positionals;
  const print = (value: unknown, text: () => string): void => io.out(values.json ? JSON.stringify(value) : text());
  switch (`${verb}${verb === 'account' ? ` ${sub ?? ''}` : ''}`) {
    case 'account discover': {
      if (!arg)
        throw new UsageError('account discover needs an address, for example: account discover support@example.com');
      const result = await service.call('account.discover', { address: arg });
      print(result, () => formatDiscovery(result));
      if (result.source === 'none') io.err(`promptly: no server settings found for ${arg}.`);
      return result.source === 'none' ? EXIT.failure : EXIT.ok;
    }
    case 'account set': {
      if (values.auth !== undefined && values.auth !== 'password' && values.auth !== 'oauth2')
        throw new UsageError('--auth is password (the default) or oauth2.');
      if (values.auth === 'oauth2') {
        const address = await oauthAccountSet(service, values, io);
        print({ ok: true, address }, () => `Signed in as ${address}; both servers accepted the sign-in.\nSaved.`);
        return EXIT.ok;
      }
      passwordFromEnv(values, io.env); // before any lookup: a missing password is the first thing to fix
      const input = accountInputFromFlags(
        wantsDiscovery(values) ? await discovered(values, service, io) : values,
        io.env,
      );
      const report = await service.saveAccount(input);
      const failed = [report.imap, report.smtp].filter((s) => !s.ok);
      // --save-anyway helps only when a server could not be reached, never past a refused password.
      if (values['save-anyway'] && failed.length > 0 && failed.every((s) => UNREACHABLE.has(s.code ?? ''))) {
        await service.saveAccountLater(input);
        print(
          report,
          () => `${formatReport(report)}\nSaved without a connection; "sync" connects once the server answers.`,
        );
        return EXIT.ok;
      }
      print(report, () => `${formatReport(report)}${report.ok ? '\nSaved.' : ''}`);
      if (!report.ok) {
        const why = failed[0]?.message ?? '';
        io.err(`promptly: nothing was saved: ${why}`);
        if (!values['save-anyway'] && failed.every((s) => UNREACHABLE.has(s.code ?? '')))
          io.err('promptly: if the settings are right and the server is only away, add --save-anyway.');
      }
      return report.ok ? EXIT.ok : EXIT.failure;
    }
    case 'account test': {
      const report = await service.call('account.testSaved', {});
      print(report, () => formatReport(report));
      if (!report.ok) io.err(`promptly: ${(!report.imap.ok ? report.imap : report.smtp).message}`);
      return report.ok ? EXIT.ok : EXIT.failure;
    }
    case 'sync': {
      await configureLiveFromFlags(service, values);
      await syncVerb(service, values.once ?? false, {
        out: io.out,
        err: io.err,
        json: values.json ?? false,
        stopped: io.stopped,
      });
      return EXIT.ok;
    }
    case 'search': {
      // The shell strips quotes: a positional with spaces was a quoted phrase.
      const query = positionals
        .slice(1)
        .map((p) => (/\s/.test(p) ? `"${p}"` : p))
        .join(' ');
      if (!query.trim())
        throw new UsageError('search needs a query, for example: search from:bob@acme.example invoice');
      service.requireAccount();
      const found = await service
        .call('threads.search', { query, limit: limitFlag(values.limit, 50) })
        .catch((error: unknown) => {
          // A query the parser refuses is bad usage (exit 2), like a bad flag.
          if (error instanceof AppError && error.code === 'invalid-arguments') throw new UsageError(error.message);
          throw error;
        });
      print(found, () => formatThreads(found, io.now()));
      return EXIT.ok;
    }
    case 'threads': {
      const limit = limitFlag(values.limit, 50);
      service.requireAccount();
      const view = values.view ?? 'all';
      if (!(VIEWS as readonly string[]).includes(view))
        throw new UsageError(`--view must be one of ${VIEWS.join(', ')}.`);
      const threads = await service.call('threads.list', { limit, view: view as View });
      print(threads, () => formatThreads(threads, io.now()));
      return EXIT.ok;
    }
    case 'thread': {
      if (!sub) throw new UsageError('thread needs an ID or a thread key.');
      const detail = service.threadByIdOrKey(sub);
      if (values.raw) {
        const rows = service.storedMessages(detail.thread.id);
        io.out(JSON.stringify({ thread: detail.thread, messages: rows }, null, values.json ? undefined : 2));
        return EXIT.ok;
      }
      print(detail, () => formatThread(detail));
      return EXIT.ok;
    }
    case 'owner': {
      if (!sub) throw new UsageError('owner needs a thread ID or key.');
      const team = service.threadByIdOrKey(sub).thread.team;
      print(team, () => (team.owner ? `${team.ownerName ?? team.owner} <${team.owner}>` : 'nobody'));
      return EXIT.ok;
    }
    case 'templates': {
      if (sub === undefined) return outboxVerb(service, positionals, values, print, io);
      if (sub !== 'save' && sub !== 'delete')
        throw new UsageError(
          'usage: templates | templates save NAME --body TEXT [--subject S] | templates delete NAME',
        );
      if (!arg) throw new UsageError(`templates ${sub} needs the saved reply's name.`);
      const result = await templateVerb(service, sub, arg, values);
      print(result.json, () => result.text);
      return EXIT.ok;
    }
    case 'merge':
    case 'split': {
      const result = await threadFixVerb(service, verb === 'merge' ? 'merge' : 'split', positionals.slice(1), values);
      print(result.json, () => result.text);
      return EXIT.ok;
    }
    case 'reply':
    case 'courtesy':
    case 'outbox':
      return outboxVerb(service, positionals, values, print, io);
    case 'deadlines': {
      const view = values.view ?? 'due';
      if (view !== 'due' && view !== 'overdue') throw new UsageError('--view must be due or overdue.');
      const threads = await service.call('threads.list', { view, sort: 'due', limit: limitFlag(values.limit, 200) });
      print(threads, () => formatDeadlines(threads, io.now()));
      return EXIT.ok;
    }
    case 'snooze': {
      const [, key, until] = positionals;
      if (!key || !until)
        throw new UsageError('usage: snooze KEY UNTIL (an ISO date-time, e.g. 2026-11-24T09:00, or "off")');
      const at = until === 'off' ? null : Date.parse(until);
      if (at !== null && !Number.isFinite(at))
        throw new UsageError(`"${until}" is not a date-time; use for example 2026-11-24T09:00.`);
      const id = service.threadByIdOrKey(key).thread.id;
      await service.call('thread.act', { id, action: { type: 'snooze', until: at } });
      await service.syncNow().catch(() => undefined);
      const after = service.threadByIdOrKey(String(id)).thread;
      print(after, () =>
        at === null
          ? 'Snooze ended.'
          : `Snoozed until ${new Date(at).toISOString()} (due ${after.due ? new Date(after.due.dueAt).toISOString() : 'never'}).`,
      );
      return EXIT.ok;
    }
    case 'policy': {
      if (sub === 'set') {
        let next;
        try {
          next = policyFromFlags(service.deadlines.policy(), values);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        await service.call('policy.set', next);
        await service.syncNow().catch(() => undefined);
        print(next, () => `Policy saved for the team:\n${JSON.stringify(next, null, 2)}`);
        return EXIT.ok;
      }
      if (sub !== undefined && sub !== 'show')
        throw new UsageError(
          'usage: policy show | policy set [--window-hours N] [--timezone ZONE] [--lead-minutes N] [--hours "mon-fri 09:00-17:00"] [--holiday YYYY-MM-DD]... [--holidays-ics FILE]',
        );
      const policy = service.deadlines.policy();
      print(policy, () => JSON.stringify(policy, null, 2));
      return EXIT.ok;
    }
    case 'metrics': {
      const to = values.until ? Date.parse(values.until) : io.now();
      const from = values.from ? Date.parse(values.from) : to - 28 * 86_400_000;
      if (!Number.isFinite(from) || !Number.isFinite(to))
        throw new UsageError('--from and --until take dates like 2026-11-01.');
      const metrics = await service.call('metrics.get', { from, to });
      print(metrics, () => formatMetrics(metrics));
      return EXIT.ok;
    }
    case 'export': {
      const kind = sub === 'threads.csv' ? 'threads' : sub === 'metrics.csv' ? 'metrics' : null;
      if (!kind) throw new UsageError('usage: export threads.csv | export metrics.csv (written to stdout)');
      io.out((await service.call('export.csv', { kind })).trimEnd());
      return EXIT.ok;
    }
    case 'log': {
      const history = service.team()?.history() ?? [];
      print(history, () =>
        history
          .map(
            (h) =>
              `${String(h.uid).padStart(6)}  ${h.type ?? '?'}  ${h.actor ?? '?'}  ${h.thread ?? ''}  ${h.outcome}${h.detail ? `: ${h.detail}` : ''}`,
          )
          .join('\n'),
      );
      return EXIT.ok;
    }
    default:
      if (verb && TEAM_VERBS[verb]) {
        const spec = TEAM_VERBS[verb]!;
        const rest = positionals.slice(2);
        if (!sub || rest.length < spec.args) throw new UsageError(`usage: ${spec.usage}`);
        const result = await teamVerb(service, verb, sub, rest);
        print(result.json, () => result.text);
        return EXIT.ok;
      }
      throw new UsageError(`unknown verb "${[verb, sub, arg].filter(Boolean).join(' ')}". Run with --help for usage.`);
  }
}

/** `reply`, `courtesy`, `outbox …` and the `templates` list. */
async function outboxVerb(
  service: PromptlyService,
  positionals: string[],
  values: Flags,
  print: (value: unknown, text: () => string) => void,
  io: CliIo,
): Promise<number> {
  const result = await outboxVerbs(service, positionals[0] ?? '', positionals.slice(1), values);
  print(result.value, () => result.text);
  if (!result.ok) io.err(`promptly: ${result.text.split('\n')[0]}`);
  return result.ok ? EXIT.ok : EXIT.failure;
}

/** The most rows one list call returns (the contract's cap on `threads.list`). */
export const MAX_LIMIT = 5000;

function limitFlag(value: string | undefined, fallback: number): number {
  const limit = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  return limit;
}

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
