/**
 * The search box's query language (docs/PRODUCT.md "Full-text search"), parsed into a small AST.
 * Pure and dependency-free so the renderer can parse as the user types (to show an error
 * or highlight operators) and main can compile the same AST to SQL.
 *
 * Grammar, Gmail-style:
 * - `word`, `"a phrase"`, `word*` (prefix, 3 letters or more): text anywhere in subject, body,
 *   sender, recipients.
 * - `from:x`, `to:x` (To and Cc), `subject:x`: x is a word, a quoted phrase, a name, an
 *   address or a domain (`from:bob`, `from:"Bob Smith"`, `from:bob@acme.example`,
 *   `from:acme.example`).
 * - `after:YYYY-MM-DD` is inclusive (on or after the start of that day), `before:YYYY-MM-DD`
 *   is exclusive (before the start of that day), so `after:2024-03-01 before:2024-03-02` is
 *   exactly March 1st. Days are calendar days in the searcher's time zone; the store turns
 *   them into instants. `/` is accepted instead of `-`.
 * - `has:attachment`, `is:open|waiting|closed|unassigned|overdue`, `owner:x`.
 * - `-term` negates any term or operator; `a OR b` (upper case) matches either. Terms are
 *   otherwise ANDed. Unknown operators (`foo:bar`, `http://x`) are plain words.
 * A thread matches when one of its messages matches all message-level terms.
 */

/** Operators whose value is matched as text. */
export type TextField = 'any' | 'from' | 'to' | 'subject';

/** Thread states `is:` can ask for (the store gives them meaning). */
export const THREAD_STATES = ['open', 'waiting', 'closed', 'unassigned', 'overdue'] as const;

/** One of `THREAD_STATES`. */
export type ThreadStateFilter = (typeof THREAD_STATES)[number];

/** A calendar day as typed, without a time zone (the store decides where the day starts). */
export interface SearchDay {
  year: number;
  month: number;
  day: number;
}

/** One condition of a search, before negation. */
export type SearchCondition =
  | { kind: 'text'; field: TextField; value: string; prefix: boolean }
  | { kind: 'date'; op: 'before' | 'after'; day: SearchDay }
  | { kind: 'has'; what: 'attachment' }
  | { kind: 'is'; state: ThreadStateFilter }
  | { kind: 'owner'; value: string };

/** A condition as written: `negated` when it had a leading `-`. */
export interface SearchTerm {
  condition: SearchCondition;
  negated: boolean;
  /** The term as the user typed it, for error messages and chips. */
  source: string;
}

/** Terms joined by OR; a plain term is a clause of one. */
export interface SearchClause {
  anyOf: SearchTerm[];
}

/** A whole query: every clause must hold. No clauses means "everything". */
export interface SearchQuery {
  clauses: SearchClause[];
}

/** Stable codes so the UI can word the message or point at the operator. */
export type SearchErrorCode = 'missing-value' | 'bad-value' | 'unsupported-operator';

/** Why a query cannot run, written for a person, naming the operator at fault. */
export interface SearchQueryError {
  code: SearchErrorCode;
  operator: string;
  message: string;
}

/** Parsing never throws: it yields a query or an error to show under the search box. */
export type SearchParse = { ok: true; query: SearchQuery } | { ok: false; error: SearchQueryError };

const TEXT_OPERATORS: Record<string, TextField> = { from: 'from', to: 'to', subject: 'subject' };
const OPERATOR_NAMES = new Set(['from', 'to', 'subject', 'before', 'after', 'has', 'is', 'owner']);
/** Letters, digits and private-use characters: what the FTS5 unicode61 tokenizer keeps. */
const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** A lexed piece of the input: an operator keyword or a (possibly negated) term. */
type Piece = { kind: 'or' } | { kind: 'term'; negated: boolean; name: string | null; value: string; quoted: boolean };

/** Whether text has anything the full-text index can match (`***` or `"!!"` has not). */
export function hasWords(text: string): boolean {
  return WORD_CHAR.test(text);
}

/** Reads a quoted string starting at `start` (a `"`); an unclosed quote runs to the end. */
function readQuoted(input: string, start: number): { value: string; end: number } {
  const close = input.indexOf('"', start + 1);
  if (close === -1) return { value: input.slice(start + 1), end: input.length };
  return { value: input.slice(start + 1, close), end: close + 1 };
}

/** Reads up to the next whitespace. */
function readBare(input: string, start: number): { value: string; end: number } {
  const match = /\s/.exec(input.slice(start));
  const end = match ? start + match.index : input.length;
  return { value: input.slice(start, end), end };
}

/** Reads one piece at `start` (not whitespace); returns it and where the next one begins. */
function readPiece(input: string, start: number): { piece: Piece; end: number } {
  let at = start;
  const negated = input[at] === '-' && at + 1 < input.length && !/\s/.test(input[at + 1] ?? '');
  if (negated) at += 1;
  if (input[at] === '"') {
    const { value, end } = readQuoted(input, at);
    return { piece: { kind: 'term', negated, name: null, value, quoted: true }, end };
  }
  const operator = /^([A-Za-z]+):/.exec(input.slice(at));
  const name = operator?.[1]?.toLowerCase();
  if (operator && name !== undefined && OPERATOR_NAMES.has(name)) {
    const valueAt = at + operator[0].length;
    const quoted = input[valueAt] === '"';
    const { value, end } = quoted ? readQuoted(input, valueAt) : readBare(input, valueAt);
    return { piece: { kind: 'term', negated, name, value, quoted }, end };
  }
  const { value, end } = readBare(input, at);
  if (!negated && value === 'OR') return { piece: { kind: 'or' }, end };
  return { piece: { kind: 'term', negated, name: null, value, quoted: false }, end };
}

/** Splits the input into pieces; `AND` is the default and dropped, a lone `-` is ignored. */
function lex(input: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  while (at < input.length) {
    if (/\s/.test(input[at] ?? '')) {
      at += 1;
      continue;
    }
    const { piece, end } = readPiece(input, at);
    at = end;
    if (piece.kind === 'term' && piece.name === null && !piece.quoted && piece.value === 'AND') continue;
    if (piece.kind === 'term' && piece.name === null && piece.value === '-') continue;
    pieces.push(piece);
  }
  return pieces;
}

/** Parses `YYYY-MM-DD` (or with `/`) into a real calendar day, or null. */
export function parseDay(text: string): SearchDay | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real && year >= 1970 ? { year, month, day } : null;
}

function fail(code: SearchErrorCode, operator: string, message: string): { error: SearchQueryError } {
  return { error: { code, operator, message } };
}

/**
 * Shortest prefix searched as a prefix. FTS5 merges every word that starts with it, so `a*`
 * costs seconds at 100k messages while `inv*` costs milliseconds.
 */
export const MIN_PREFIX_LENGTH = 3;

/** A free word or phrase; a bare `word*` asks for a prefix (shorter ones search the word). */
function textCondition(field: TextField, value: string, quoted: boolean): SearchCondition | null {
  const starred = !quoted && value.endsWith('*');
  const text = starred ? value.replace(/\*+$/, '') : value;
  if (!hasWords(text)) return null;
  const lastWord = /[\p{L}\p{N}\p{Co}]*$/u.exec(text)?.[0] ?? '';
  return { kind: 'text', field, value: text, prefix: starred && [...lastWord].length >= MIN_PREFIX_LENGTH };
}

/** Turns an operator and its value into a condition, or says what is wrong with the value. */
function operatorCondition(
  name: string,
  value: string,
  quoted: boolean,
): SearchCondition | { error: SearchQueryError } {
  const operator = `${name}:`;
  if (value.trim() === '')
    return fail('missing-value', operator, `${operator} needs a value, for example ${example(name)}.`);
  const field = TEXT_OPERATORS[name];
  if (field !== undefined) {
    const condition = textCondition(field, value, quoted);
    return (
      condition ??
      fail('bad-value', operator, `${operator} needs a name, an address or a word, for example ${example(name)}.`)
    );
  }
  if (name === 'before' || name === 'after') {
    const day = parseDay(value.trim());
    if (day === null)
      return fail('bad-value', operator, `${operator} needs a date like ${example(name)}; "${value}" is not one.`);
    return { kind: 'date', op: name, day };
  }
  if (name === 'has') {
    if (/^attachments?$/i.test(value)) return { kind: 'has', what: 'attachment' };
    return fail('bad-value', operator, `has: can only be has:attachment; "${value}" is not known.`);
  }
  if (name === 'is') {
    const state = THREAD_STATES.find((s) => s === value.toLowerCase());
    if (state !== undefined) return { kind: 'is', state };
    return fail(
      'bad-value',
      operator,
      `is: can be ${THREAD_STATES.map((s) => `is:${s}`).join(', ')}; "${value}" is not one.`,
    );
  }
  return { kind: 'owner', value: value.trim() };
}

function example(name: string): string {
  const examples: Record<string, string> = {
    from: 'from:bob@acme.example',
    to: 'to:acme.example',
    subject: 'subject:invoice',
    before: 'before:2024-03-01',
    after: 'after:2024-03-01',
    owner: 'owner:me',
  };
  return examples[name] ?? `${name}:value`;
}

/** Builds a term from a piece; null for words the index cannot match (dropped, not an error). */
function termOf(piece: Extract<Piece, { kind: 'term' }>): SearchTerm | null | { error: SearchQueryError } {
  const quote = piece.quoted ? `"${piece.value}"` : piece.value;
  const source = `${piece.negated ? '-' : ''}${piece.name === null ? '' : `${piece.name}:`}${quote}`;
  const condition =
    piece.name === null
      ? textCondition('any', piece.value, piece.quoted)
      : operatorCondition(piece.name, piece.value, piece.quoted);
  if (condition === null) return null;
  if ('error' in condition) return condition;
  return { condition, negated: piece.negated, source };
}

/** Parses what the user typed. Never throws; an empty query has no clauses. */
export function parseSearchQuery(input: string): SearchParse {
  const pieces = lex(input);
  const clauses: SearchClause[] = [];
  let joinNext = false;
  for (const [i, piece] of pieces.entries()) {
    if (piece.kind === 'or') {
      // OR joins two terms; anywhere else it is the word "OR".
      const between = clauses.length > 0 && pieces[i + 1]?.kind === 'term' && !joinNext;
      if (between) joinNext = true;
      else
        clauses.push({
          anyOf: [
            { condition: { kind: 'text', field: 'any', value: 'OR', prefix: false }, negated: false, source: 'OR' },
          ],
        });
      continue;
    }
    const term = termOf(piece);
    if (term !== null && 'error' in term) return { ok: false, error: term.error };
    const last = clauses[clauses.length - 1];
    if (term !== null && joinNext && last) last.anyOf.push(term);
    else if (term !== null) clauses.push({ anyOf: [term] });
    joinNext = false;
  }
  return { ok: true, query: { clauses } };
}

/**
 * Where a searched day starts, in ms since the epoch. With `tzOffsetMinutes` (minutes east
 * of UTC, i.e. `-new Date().getTimezoneOffset()`) the day starts at that offset; without
 * it, in the host's own time zone for that date (so daylight saving time is right).
 */
export function startOfDay(day: SearchDay, tzOffsetMinutes?: number): number {
  if (tzOffsetMinutes === undefined) return new Date(day.year, day.month - 1, day.day).getTime();
  return Date.UTC(day.year, day.month - 1, day.day) - tzOffsetMinutes * 60_000;
}
