import type { Db } from '../db';
import { rowToSummary, type ThreadRow } from './threads';
import type { ThreadSummary } from '../../../shared/types';
import {
  parseSearchQuery,
  startOfDay,
  type SearchClause,
  type SearchCondition,
  type SearchQuery,
  type SearchQueryError,
  type TextField,
  type ThreadStateFilter,
} from '../../../shared/searchQuery';

/**
 * The `messages_fts` index (migration 003) and the thread search over it. The store indexes
 * each batch it stores (searchIndex.ts), triggers follow edits and deletes; this module only
 * reads. A query compiles to ONE parameterised statement that returns thread summaries newest
 * first with a LIMIT: never `ORDER BY rank` over all hits (docs/ARCHITECTURE.md, performance
 * notes). User text reaches FTS5 only inside a quoted
 * string with `"` doubled, so `"`, `*`, `NEAR(`, `AND`, `:` are plain characters.
 */

/** Paging and the searcher's time zone for `before:` / `after:`. */
export interface SearchOptions {
  limit: number;
  offset?: number;
  /** Minutes east of UTC where days start; omitted: the host's time zone. */
  tzOffsetMinutes?: number;
  /** For `is:overdue`: the current time. */
  now?: number;
  /** For `owner:me`: my address. */
  me?: string | null;
  /** Where the plan switches (default `WALK_ABOVE_HITS`); tests pin each plan with it. */
  walkAboveHits?: number;
}

/** A search outcome: matching threads, or why the query cannot run. */
export type SearchResult = ThreadSummary[] | { error: SearchQueryError };

/** A SQL fragment made of fixed text, with its values as parameters. */
interface Fragment {
  text: string;
  params: Array<string | number>;
}

/** What one term contributes: an FTS5 expression, a SQL check on `m`, or both. */
interface CompiledTerm {
  fts: string | null;
  check: Fragment | null;
  negated: boolean;
}

/** The statement's moving parts: one MATCH (if any) plus checks on the message row. */
interface CompiledQuery {
  match: string | null;
  checks: Fragment[];
}

const FTS_COLUMN: Record<TextField, string> = {
  any: '',
  from: 'sender : ',
  to: 'recipients : ',
  subject: 'subject : ',
};
const IN_INDEX = 'm.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)';

/** An FTS5 string literal: the tokenizer turns it into a phrase, operators included. */
function ftsString(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** A LIKE pattern for `value` taken literally (`%`, `_`, `\\` escaped). */
function literal(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/**
 * LIKE patterns an address must match for an address-looking value: `bob@acme.example` is
 * that address, `acme.example` that domain or a subdomain (or a dotted local part like
 * `bob.smith`); a trailing `*` makes the last part a prefix. Null for names and words.
 */
function addressPatterns(value: string, prefix: boolean): string[] | null {
  if (/\s/.test(value) || !/[@.]/.test(value)) return null;
  const v = literal(value.toLowerCase());
  const tail = prefix ? '%' : '';
  if (value.includes('@')) return [`${v}${tail}`];
  return [`%@${v}${tail}`, `%.${v}${tail}`, `${v}${prefix ? '%' : '@%'}`];
}

/**
 * `from:`/`to:` with an address or domain must match the address itself: as an FTS phrase
 * alone, `bob@acme.example` would also find `ann@bob.acme.example.org`.
 */
function addressCheck(field: TextField, value: string, prefix: boolean): Fragment | null {
  const patterns = field === 'from' || field === 'to' ? addressPatterns(value, prefix) : null;
  if (patterns === null) return null;
  const like = (column: string): string => patterns.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' OR ');
  if (field === 'from') return { text: like('m.from_address'), params: patterns };
  return {
    text: `EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(m.to_json) THEN m.to_json ELSE '[]' END) AS p
        WHERE p.type = 'object' AND (${like("json_extract(p.value, '$.address')")}))
      OR EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(m.cc_json) THEN m.cc_json ELSE '[]' END) AS p
        WHERE p.type = 'object' AND (${like("json_extract(p.value, '$.address')")}))`,
    params: [...patterns, ...patterns],
  };
}

function compileCondition(
  condition: SearchCondition,
  ctx: SearchContext,
): Omit<CompiledTerm, 'negated'> | { error: SearchQueryError } {
  switch (condition.kind) {
    case 'text': {
      const fts = `${FTS_COLUMN[condition.field]}${ftsString(condition.value)}${condition.prefix ? ' *' : ''}`;
      return { fts, check: addressCheck(condition.field, condition.value, condition.prefix) };
    }
    case 'date': {
      const at = startOfDay(condition.day, ctx.tzOffsetMinutes);
      return { fts: null, check: { text: condition.op === 'after' ? 'm.date >= ?' : 'm.date < ?', params: [at] } };
    }
    case 'has':
      return { fts: null, check: { text: 'm.has_attachments = 1', params: [] } };
    case 'is':
      return { fts: null, check: stateCheck(condition.state, ctx.now ?? Date.now()) };
    case 'owner': {
      const value = condition.value.toLowerCase();
      const owner = value === 'me' ? (ctx.me ?? '') : value;
      // A full address matches exactly; a name-like value matches the address's start ("bob").
      const pattern = owner.includes('@') ? literal(owner) : `${literal(owner)}%`;
      return {
        fts: null,
        check: {
          text: "EXISTS (SELECT 1 FROM thread_team tt WHERE tt.thread_id = m.thread_id AND tt.owner LIKE ? ESCAPE '\\')",
          params: [pattern],
        },
      };
    }
  }
}

/** The thread's status as the views see it: a customer reply after close/waiting reopens it. */
const EFFECTIVE_STATUS = `COALESCE((SELECT CASE WHEN tt.status IN ('closed', 'waiting')
    AND COALESCE(t2.last_customer_at, 0) > COALESCE(tt.status_at, 0) THEN 'open' ELSE tt.status END
  FROM thread_team tt JOIN threads t2 ON t2.id = tt.thread_id WHERE tt.thread_id = m.thread_id), 'open')`;

/** `is:` as a check on the message's thread (team state and due time). */
function stateCheck(state: ThreadStateFilter, now: number): Fragment {
  switch (state) {
    case 'unassigned':
      return {
        text: 'NOT EXISTS (SELECT 1 FROM thread_team tt WHERE tt.thread_id = m.thread_id AND tt.owner IS NOT NULL)',
        params: [],
      };
    case 'overdue':
      return {
        text: `${EFFECTIVE_STATUS} <> 'closed' AND EXISTS (SELECT 1 FROM threads t3 WHERE t3.id = m.thread_id AND t3.due_at IS NOT NULL AND t3.due_at <= ?)`,
        params: [now],
      };
    default:
      return { text: `${EFFECTIVE_STATUS} = ?`, params: [state] };
  }
}

/** What thread-level operators need besides the query. */
interface SearchContext {
  tzOffsetMinutes?: number;
  now?: number;
  me?: string | null;
}

function and(parts: Fragment[]): Fragment {
  return { text: parts.map((p) => `(${p.text})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** A term as a check on the message row (used inside OR groups and for negations). */
function termCheck(term: CompiledTerm): Fragment {
  // A negated address is exactly "the address does not match it"; no index needed.
  if (term.negated && term.check !== null) return { text: `NOT (${term.check.text})`, params: term.check.params };
  const parts = [
    ...(term.fts === null ? [] : [{ text: IN_INDEX, params: [term.fts] }]),
    ...(term.check ? [term.check] : []),
  ];
  const all = and(parts);
  return term.negated ? { text: `NOT (${all.text})`, params: all.params } : all;
}

/** Adds one clause to the query, using the single MATCH where FTS5 can express it. */
function addClause(terms: CompiledTerm[], into: { match: string[]; not: string[]; checks: Fragment[] }): void {
  const [only] = terms;
  if (terms.length === 1 && only !== undefined) {
    if (!only.negated && only.fts !== null) {
      into.match.push(only.fts);
      if (only.check) into.checks.push(only.check);
      return;
    }
    if (only.negated && only.fts !== null && only.check === null) {
      into.not.push(only.fts);
      return;
    }
  }
  if (terms.every((t) => !t.negated && t.fts !== null && t.check === null)) {
    into.match.push(`(${terms.map((t) => t.fts).join(' OR ')})`);
    return;
  }
  const alternatives = terms.map(termCheck);
  into.checks.push({
    text: alternatives.map((a) => `(${a.text})`).join(' OR '),
    params: alternatives.flatMap((a) => a.params),
  });
}

function compileClause(clause: SearchClause, ctx: SearchContext): CompiledTerm[] | { error: SearchQueryError } {
  const terms: CompiledTerm[] = [];
  for (const term of clause.anyOf) {
    const compiled = compileCondition(term.condition, ctx);
    if ('error' in compiled) return compiled;
    terms.push({ ...compiled, negated: term.negated });
  }
  return terms;
}

/** Turns the AST into one MATCH expression plus message-row checks, or an error. */
export function compileSearch(
  query: SearchQuery,
  ctx: SearchContext = {},
): CompiledQuery | { error: SearchQueryError } {
  const parts = { match: [] as string[], not: [] as string[], checks: [] as Fragment[] };
  for (const clause of query.clauses) {
    const terms = compileClause(clause, ctx);
    if ('error' in terms) return terms;
    addClause(terms, parts);
  }
  const excluded = parts.not.join(' OR ');
  if (parts.match.length === 0) {
    const checks = excluded ? [...parts.checks, { text: `NOT (${IN_INDEX})`, params: [excluded] }] : parts.checks;
    return { match: null, checks };
  }
  const included = parts.match.join(' AND ');
  return { match: excluded ? `(${included}) NOT (${excluded})` : included, checks: parts.checks };
}

/**
 * Above this many matching messages the search walks threads newest first and stops at the
 * LIMIT; at or below it, it collects the few matching threads and sorts them. At 100k
 * messages either side costs a few ms; sorting every hit of a common word cost ~200 ms.
 */
export const WALK_ABOVE_HITS = 5000;

const ORDER = 'ORDER BY t.last_message_at DESC, t.id DESC LIMIT ? OFFSET ?';
const HIT_COUNT = '(SELECT count(*) FROM (SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? LIMIT ?))';

/** Threads of the account, newest first, that have a message passing `checks`. */
function walkBranch(accountId: number, checks: Fragment | null, guard: Fragment | null, page: number[]): Fragment {
  const exists = checks ? ` AND EXISTS (SELECT 1 FROM messages AS m WHERE m.thread_id = t.id AND ${checks.text})` : '';
  return {
    text: `SELECT t.* FROM threads AS t
      WHERE t.account_id = ? AND t.message_count > 0${guard ? ` AND ${guard.text}` : ''}${exists}
      ${ORDER}`,
    params: [accountId, ...(guard?.params ?? []), ...(checks?.params ?? []), ...page],
  };
}

/** The few threads whose messages the index names, sorted (for rare terms). */
function indexBranch(
  accountId: number,
  match: string,
  checks: Fragment | null,
  guard: Fragment,
  page: number[],
): Fragment {
  return {
    text: `SELECT t.* FROM threads AS t
      WHERE t.account_id = ? AND t.message_count > 0 AND ${guard.text} AND t.id IN (
        SELECT m.thread_id FROM messages_fts CROSS JOIN messages AS m ON m.id = messages_fts.rowid
        WHERE messages_fts MATCH ? AND m.account_id = ?${checks ? ` AND ${checks.text}` : ''})
      ${ORDER}`,
    params: [accountId, ...guard.params, match, accountId, ...(checks?.params ?? []), ...page],
  };
}

/**
 * The one statement. Without a MATCH it walks threads by recency. With one, both plans are
 * in a UNION ALL, each guarded by a bounded count of hits that SQLite evaluates once, so
 * only the cheap plan for this term runs: rare terms sort their few threads, common terms
 * walk the newest threads against the hit set and stop at the LIMIT.
 */
function statement(accountId: number, compiled: CompiledQuery, options: SearchOptions): Fragment {
  const page = [options.limit, options.offset ?? 0];
  const checks = compiled.checks.length === 0 ? null : and(compiled.checks);
  if (compiled.match === null) return walkBranch(accountId, checks, null, page);
  const threshold = options.walkAboveHits ?? WALK_ABOVE_HITS;
  const count = [compiled.match, threshold + 1, threshold];
  const rare = indexBranch(accountId, compiled.match, checks, { text: `${HIT_COUNT} <= ?`, params: count }, page);
  const inIndex = { text: IN_INDEX, params: [compiled.match] };
  const common = walkBranch(
    accountId,
    and([inIndex, ...compiled.checks]),
    { text: `${HIT_COUNT} > ?`, params: count },
    page,
  );
  return {
    text: `SELECT * FROM (SELECT * FROM (${rare.text}) UNION ALL SELECT * FROM (${common.text}))
      ORDER BY last_message_at DESC, id DESC`,
    params: [...rare.params, ...common.params],
  };
}

/**
 * Threads with a message matching `query`, newest first. `is:` and `owner:` look at the
 * thread's team state and due time.
 */
export function findThreads(db: Db, accountId: number, query: SearchQuery, options: SearchOptions): SearchResult {
  const compiled = compileSearch(query, options);
  if ('error' in compiled) return compiled;
  const { text, params } = statement(accountId, compiled, options);
  return (db.prepare(text).all(...params) as ThreadRow[]).map(rowToSummary);
}

/**
 * Parses what the person typed and returns matching threads newest first, or an error (bad
 * operator value, operator not available yet) in words they can act on. Never throws on
 * user input.
 */
export function searchThreads(db: Db, accountId: number, query: string, options: SearchOptions): SearchResult {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) return { error: parsed.error };
  return findThreads(db, accountId, parsed.query, options);
}
