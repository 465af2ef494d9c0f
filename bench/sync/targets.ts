/** The performance targets, judged on one run's figures. */
import type { EngineResult } from './engine';

/** One target: what was measured, the limit, and whether it passed. */
export interface Target {
  name: string;
  measured: number | null;
  limit: number;
  unit: string;
  pass: boolean | null;
  /** The target is stated for 100k messages; at smaller N it is indicative only. */
  atStatedScale: boolean;
}

/** Initial ≤ 0.5× mbsync; newest 200 threads ≤ 1.5 s, no-change resync < 100 ms, peak RSS < 400 MB at 100k. */
export function evaluate(n: number, e: EngineResult | null, mbsyncInitialMs: number | null): Target[] {
  const at100k = n >= 100_000;
  const ratio = e && mbsyncInitialMs ? Math.round((e.initialMs / mbsyncInitialMs) * 100) / 100 : null;
  const peak = e ? Math.max(e.memory.sampledPeakMb, e.memory.vmHwmMb ?? 0) : null;
  const t = (name: string, measured: number | null, limit: number, unit: string, strict: boolean, scale: boolean) => ({
    name,
    measured,
    limit,
    unit,
    pass: measured === null ? null : strict ? measured < limit : measured <= limit,
    atStatedScale: scale,
  });
  return [
    t('initial sync vs mbsync', ratio, 0.5, 'ratio', false, true),
    t('newest 200 threads queryable', e?.newest200Ms ?? null, 1500, 'ms', false, at100k),
    t('no-change resync (median)', e?.noChangeMedianMs ?? null, 100, 'ms', true, at100k),
    t('peak RSS', peak, 400, 'MB', true, at100k),
  ];
}
