/**
 * Which date a message is filed under, pure. The Date header is written by the sender and
 * can be missing, unreadable or forged ("Sun, 28 Jul 0102" became the year 102 and topped
 * Overdue); the server's INTERNALDATE (RFC 3501 §2.3.3) is when the mail really arrived.
 */

/** Mail dated before this (1990-01-01 UTC) is taken to have a broken Date header. */
export const EARLIEST_PLAUSIBLE_DATE = Date.UTC(1990, 0, 1);
/** A Date header may run ahead of the server's clock by at most this much (clock skew). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * The header date when it is plausible, else INTERNALDATE: missing, unparseable, before
 * 1990, or more than a day after the server received the message. Compared with
 * INTERNALDATE (not the local clock) so every replica files the message the same way.
 */
export function filedDate(headerDate: number | null, internalDate: number): number {
  if (headerDate === null || !Number.isFinite(headerDate)) return internalDate;
  if (headerDate < EARLIEST_PLAUSIBLE_DATE) return internalDate;
  if (headerDate > internalDate + FUTURE_TOLERANCE_MS) return internalDate;
  return headerDate;
}
