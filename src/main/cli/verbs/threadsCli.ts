import { VIEWS, type View } from '../../../shared/team';
import { indexingNotice } from '../../../shared/searchCoverage';
import { AppError } from '../../appError';
import { formatDeadlines, formatThread, formatThreads } from '../format';
import { EXIT, UsageError, type EngineVerb } from '../io';

/** The most rows one list call returns (the contract's cap on `threads.list`). */
export const MAX_LIMIT = 5000;

function limitFlag(value: string | undefined, fallback: number): number {
  const limit = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  return limit;
}

/** `search QUERY`: the shell strips quotes, so a positional with spaces was a quoted phrase. */
const search: EngineVerb = async ({ positionals, values, service, io, print }) => {
  const query = positionals
    .slice(1)
    .map((p) => (/\s/.test(p) ? `"${p}"` : p))
    .join(' ');
  if (!query.trim()) throw new UsageError('search needs a query, for example: search from:bob@acme.example invoice');
  service.requireAccount();
  const found = await service
    .call('threads.search', { query, limit: limitFlag(values.limit, 50) })
    .catch((error: unknown) => {
      // A query the parser refuses is bad usage (exit 2), like a bad flag.
      if (error instanceof AppError && error.code === 'invalid-arguments') throw new UsageError(error.message);
      throw error;
    });
  // Said first, and on stderr with --json so the JSON stays one value.
  const notice = indexingNotice(await service.call('search.coverage', {}));
  if (notice) (values.json ? io.err : io.out)(notice);
  print(found, () => formatThreads(found, io.now()));
  return EXIT.ok;
};

const threads: EngineVerb = async ({ values, service, io, print }) => {
  const limit = limitFlag(values.limit, 50);
  service.requireAccount();
  const view = values.view ?? 'all';
  if (!(VIEWS as readonly string[]).includes(view)) throw new UsageError(`--view must be one of ${VIEWS.join(', ')}.`);
  const list = await service.call('threads.list', { limit, view: view as View });
  print(list, () => formatThreads(list, io.now()));
  return EXIT.ok;
};

const thread: EngineVerb = async ({ positionals, values, service, io, print }) => {
  const idOrKey = positionals[1];
  if (!idOrKey) throw new UsageError('thread needs an ID or a thread key.');
  const detail = service.threadByIdOrKey(idOrKey);
  if (values.raw) {
    const rows = service.storedMessages(detail.thread.id);
    io.out(JSON.stringify({ thread: detail.thread, messages: rows }, null, values.json ? undefined : 2));
    return EXIT.ok;
  }
  print(detail, () => formatThread(detail));
  return EXIT.ok;
};

const owner: EngineVerb = async ({ positionals, service, print }) => {
  const idOrKey = positionals[1];
  if (!idOrKey) throw new UsageError('owner needs a thread ID or key.');
  const team = service.threadByIdOrKey(idOrKey).thread.team;
  print(team, () => (team.owner ? `${team.ownerName ?? team.owner} <${team.owner}>` : 'nobody'));
  return EXIT.ok;
};

const deadlines: EngineVerb = async ({ values, service, io, print }) => {
  const view = values.view ?? 'due';
  if (view !== 'due' && view !== 'overdue') throw new UsageError('--view must be due or overdue.');
  const list = await service.call('threads.list', { view, sort: 'due', limit: limitFlag(values.limit, 200) });
  print(list, () => formatDeadlines(list, io.now()));
  return EXIT.ok;
};

const snooze: EngineVerb = async ({ positionals, service, print }) => {
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
};

/** Reading conversations: search, the views, one thread, its owner, deadlines; and snoozing one. */
export const THREAD_VERBS: Record<string, EngineVerb> = { search, threads, thread, owner, deadlines, snooze };
