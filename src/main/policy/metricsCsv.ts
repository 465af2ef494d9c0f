/**
 * CSV export of threads and metrics (RFC 4180: comma-separated, CRLF line ends, fields with
 * commas, quotes or line breaks quoted, quotes doubled). Text cells that a spreadsheet would
 * run as a formula (starting with = + - @, or a tab or carriage return) get a leading
 * apostrophe (OWASP "CSV injection"). Numbers are written as numbers.
 */
import { AGE_BUCKETS, type Deadline, type FollowThroughMetrics } from '../../shared/policy';
import type { ThreadOutcomes } from './metrics';

/** A value a CSV cell can hold; null and undefined are empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted and defused as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whole CSV text: one line per row, each ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100;
}

const METRICS_HEADER = [
  'period_from',
  'period_to',
  'courtesy_met',
  'courtesy_missed',
  'courtesy_closed_without_reply',
  'courtesy_pending',
  'courtesy_met_share',
  'first_replies',
  'first_reply_median_hours',
  'first_reply_p90_hours',
  'first_reply_median_business_hours',
  'first_reply_p90_business_hours',
  'promises_kept',
  'promises_broken',
  'promises_pending',
  'promises_kept_share',
  'closes',
  'repeat_contacts',
  'repeat_contact_rate',
  'open_threads',
  ...AGE_BUCKETS.map((b) => `open_${b}`),
];

/** Metrics as CSV, one row per period. Durations are in hours, shares 0..1. */
export function metricsCsv(periods: readonly FollowThroughMetrics[]): string {
  const rows = periods.map((m) => [
    iso(m.period.from),
    iso(m.period.to),
    m.courtesy.met,
    m.courtesy.missed,
    m.courtesy.closedWithoutReply,
    m.courtesy.pending,
    m.courtesy.share,
    m.firstReply.count,
    hours(m.firstReply.wallClock.median),
    hours(m.firstReply.wallClock.p90),
    hours(m.firstReply.businessHours.median),
    hours(m.firstReply.businessHours.p90),
    m.promises.kept,
    m.promises.broken,
    m.promises.pending,
    m.promises.share,
    m.repeatContact.closes,
    m.repeatContact.repeats,
    m.repeatContact.rate,
    m.open.total,
    ...AGE_BUCKETS.map((b) => m.open.byAge[b]),
  ]);
  return toCsv([METRICS_HEADER, ...rows]);
}

/** A thread row for export: what the store knows plus its deadline and replayed outcomes. */
export interface ThreadExportRow {
  key: string;
  subject: string;
  customer: string;
  owner: string | null;
  status: string;
  deadline: Deadline | null;
  outcomes: ThreadOutcomes;
}

const THREADS_HEADER = [
  'thread',
  'subject',
  'customer',
  'owner',
  'status',
  'due_at',
  'due_reason',
  'due_state',
  'first_reply_hours',
  'courtesy_met',
  'courtesy_missed',
  'promises_kept',
  'promises_broken',
  'closes',
];

function threadRow(r: ThreadExportRow): CsvValue[] {
  const o = r.outcomes;
  const replied = o.clocks.filter((c) => c.endedAt !== null && c.by !== 'close');
  const met = replied.filter((c) => (c.endedAt ?? Infinity) <= c.dueAt).length;
  const kept = o.promises.filter(
    (p) => p.by !== null && p.by !== 'superseded' && (p.endedAt ?? Infinity) <= p.promisedAt,
  );
  const brokenCount = o.promises.filter((p) => p.endedAt !== null).length - kept.length;
  return [
    r.key,
    r.subject,
    r.customer,
    r.owner ?? '',
    r.status,
    iso(r.deadline?.dueAt),
    r.deadline?.reason,
    r.deadline?.state,
    o.firstReply ? hours(o.firstReply.replyAt - o.firstReply.customerAt) : null,
    met,
    replied.length - met,
    kept.length,
    brokenCount,
    o.closes.length,
  ];
}

/** Threads with their deadlines and outcomes as CSV. Times are ISO 8601 UTC. */
export function threadsCsv(rows: readonly ThreadExportRow[]): string {
  return toCsv([THREADS_HEADER, ...rows.map(threadRow)]);
}
