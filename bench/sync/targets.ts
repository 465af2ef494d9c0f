/** The performance targets, judged on one run's figures. */
import type { EngineResult } from './engine';

/** One target: what was measured, the limit, and whether it passed. */
export interface Target {
  name: string;
  measured: number | null;
  limit: number;
  unit: string;
  pass: boolean | null;
  /** The target is stated for this mailbox size; at another size it is indicative only. */
  atStatedScale: boolean;
}

/** The peers' times from the same run (null when not run). */
export interface PeerTimes {
  mbsyncMs: number | null;
  muMs: number | null;
  /** The engine's initial sync of the same mailbox over TLS. */
  tlsMs: number | null;
}

/**
 * Initial sync ≤ 6 s at 20k (≤ 35 s at 100k) and ≤ 0.55 × (mbsync + mu index); newest 200
 * threads ≤ 0.5 s and no-change resync ≤ 0.15 s at 100k; peak RSS ≤ 400 MB; TLS ≤ 1.3 × plain.
 */
export function evaluate(n: number, e: EngineResult | null, peers: PeerTimes): Target[] {
  const at100k = n >= 100_000;
  const ratio = (x: number | null | undefined, y: number | null): number | null =>
    x && y ? Math.round((x / y) * 100) / 100 : null;
  const peak = e ? Math.max(e.memory.sampledPeakMb, e.memory.vmHwmMb ?? 0) : null;
  const t = (name: string, measured: number | null, limit: number, unit: string, scale: boolean): Target => ({
    name,
    measured,
    limit,
    unit,
    pass: measured === null ? null : measured <= limit,
    atStatedScale: scale,
  });
  const mbsyncPlusMu = peers.mbsyncMs && peers.muMs ? peers.mbsyncMs + peers.muMs : null;
  return [
    at100k
      ? t('initial sync', e?.initialMs ?? null, 35_000, 'ms', n === 100_000)
      : t('initial sync', e?.initialMs ?? null, 6_000, 'ms', n === 20_000),
    t('initial sync vs (mbsync + mu index)', ratio(e?.initialMs, mbsyncPlusMu), 0.55, 'ratio', true),
    t('newest 200 threads queryable', e?.newest200Ms ?? null, 500, 'ms', at100k),
    t('no-change resync (median, engine)', e?.noChangeMedianMs ?? null, 150, 'ms', true),
    t('peak RSS', peak, 400, 'MB', true),
    t('initial sync over TLS vs plain', ratio(peers.tlsMs, e?.initialMs ?? null), 1.3, 'ratio', true),
  ];
}
