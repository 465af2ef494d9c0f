import { formatMetrics } from '../format';
import { EXIT, UsageError, type EngineVerb } from '../io';
import { dueSoonWords, policyFromFlags } from './policy';

const POLICY_USAGE =
  'usage: policy show | policy set [--window-hours N] [--timezone ZONE] [--due-soon business-day|4h] [--hours "mon-fri 09:00-17:00"] [--holiday YYYY-MM-DD]... [--holidays-ics FILE]';

/** `policy show` and `policy set …` (the team's deadline policy, shared through the log). */
const policy: EngineVerb = async ({ positionals, values, service, print, io }) => {
  const sub = positionals[1];
  if (sub === 'set') {
    let next;
    try {
      next = policyFromFlags(service.deadlines.policy(), values);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    await service.call('policy.set', next);
    await service.syncNow().catch(() => undefined);
    print(next, () => `Policy saved for the team:\n${JSON.stringify(next, null, 2)}\n${dueSoonWords(next, io.now())}`);
    return EXIT.ok;
  }
  if (sub !== undefined && sub !== 'show') throw new UsageError(POLICY_USAGE);
  const current = service.deadlines.policy();
  print(current, () => `${JSON.stringify(current, null, 2)}\n${dueSoonWords(current, io.now())}`);
  return EXIT.ok;
};

const metrics: EngineVerb = async ({ values, service, io, print }) => {
  const to = values.until ? Date.parse(values.until) : io.now();
  const from = values.from ? Date.parse(values.from) : to - 28 * 86_400_000;
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new UsageError('--from and --until take dates like 2026-11-01.');
  const result = await service.call('metrics.get', { from, to });
  print(result, () => formatMetrics(result));
  return EXIT.ok;
};

const exportCsv: EngineVerb = async ({ positionals, service, io }) => {
  const sub = positionals[1];
  const kind = sub === 'threads.csv' ? 'threads' : sub === 'metrics.csv' ? 'metrics' : null;
  if (!kind) throw new UsageError('usage: export threads.csv | export metrics.csv (written to stdout)');
  io.out((await service.call('export.csv', { kind })).trimEnd());
  return EXIT.ok;
};

/** `log`: the team log, folded, in server order. */
const log: EngineVerb = async ({ service, print }) => {
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
};

/** The team's policy and what it measures: policy, metrics, CSV export, the folded log. */
export const REPORT_VERBS: Record<string, EngineVerb> = { policy, metrics, export: exportCsv, log };
