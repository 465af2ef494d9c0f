/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff and
 * Jitter"): spreads reconnects of many clients after a server restart. Pure: `random` is
 * passed in so tests are deterministic.
 */
export function backoffDelay(attempt: number, random: number, baseMs = 1000, maxMs = 5 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random / 2));
}
