import { describe, expect, it } from 'vitest';
import {
  parseDay,
  parseSearchQuery,
  startOfDay,
  type SearchCondition,
  type SearchQuery,
} from '../../src/shared/searchQuery';

function parsed(input: string): SearchQuery {
  const result = parseSearchQuery(input);
  if (!result.ok) throw new Error(`expected a query for ${input}, got ${result.error.message}`);
  return result.query;
}

/** Compact view: each clause as its terms' conditions, with `-` for negation. */
function shape(input: string): Array<Array<[boolean, SearchCondition]>> {
  return parsed(input).clauses.map((c) => c.anyOf.map((t) => [t.negated, t.condition]));
}

const text = (value: string, field: 'any' | 'from' | 'to' | 'subject' = 'any', prefix = false): SearchCondition => ({
  kind: 'text',
  field,
  value,
  prefix,
});

describe('parseSearchQuery', () => {
  it.each<[string, Array<Array<[boolean, SearchCondition]>>]>([
    ['refund', [[[false, text('refund')]]]],
    ['refund  late', [[[false, text('refund')]], [[false, text('late')]]]],
    ['"late delivery"', [[[false, text('late delivery')]]]],
    ['invoi*', [[[false, text('invoi', 'any', true)]]]],
    ['inv**', [[[false, text('inv', 'any', true)]]]],
    ['in*', [[[false, text('in', 'any', false)]]]],
    ['"invoi*"', [[[false, text('invoi*')]]]],
    ['from:bob@acme.exa*', [[[false, text('bob@acme.exa', 'from', true)]]]],
    ['from:bob@acme.example', [[[false, text('bob@acme.example', 'from')]]]],
    ['FROM:acme.example', [[[false, text('acme.example', 'from')]]]],
    ['from:"Bob Smith"', [[[false, text('Bob Smith', 'from')]]]],
    ['to:cara', [[[false, text('cara', 'to')]]]],
    ['subject:invoice', [[[false, text('invoice', 'subject')]]]],
    ['-refund', [[[true, text('refund')]]]],
    ['-"late delivery"', [[[true, text('late delivery')]]]],
    ['-from:bob', [[[true, text('bob', 'from')]]]],
    ['after:2024-03-01', [[[false, { kind: 'date', op: 'after', day: { year: 2024, month: 3, day: 1 } }]]]],
    ['before:2024/3/9', [[[false, { kind: 'date', op: 'before', day: { year: 2024, month: 3, day: 9 } }]]]],
    ['has:attachment', [[[false, { kind: 'has', what: 'attachment' }]]]],
    ['has:Attachments', [[[false, { kind: 'has', what: 'attachment' }]]]],
    ['is:overdue', [[[false, { kind: 'is', state: 'overdue' }]]]],
    ['-is:closed', [[[true, { kind: 'is', state: 'closed' }]]]],
    ['owner:me', [[[false, { kind: 'owner', value: 'me' }]]]],
    [
      'refund OR return',
      [
        [
          [false, text('refund')],
          [false, text('return')],
        ],
      ],
    ],
    [
      'a OR from:b OR -c d',
      [
        [
          [false, text('a')],
          [false, text('b', 'from')],
          [true, text('c')],
        ],
        [[false, text('d')]],
      ],
    ],
    ['cats AND dogs', [[[false, text('cats')]], [[false, text('dogs')]]]],
    ['OR', [[[false, text('OR')]]]],
    ['refund OR', [[[false, text('refund')]], [[false, text('OR')]]]],
    ['or', [[[false, text('or')]]]],
    ['foo:bar', [[[false, text('foo:bar')]]]],
    ['http://example.com/x', [[[false, text('http://example.com/x')]]]],
    ['e-mail', [[[false, text('e-mail')]]]],
  ])('%s', (input, expected) => {
    expect(shape(input)).toEqual(expected);
  });

  it('keeps what the user typed for each term', () => {
    expect(parsed('-from:"Bob S" x*').clauses.map((c) => c.anyOf[0]?.source)).toEqual(['-from:"Bob S"', 'x*']);
  });

  it('an empty or blank query has no clauses', () => {
    expect(parsed('').clauses).toEqual([]);
    expect(parsed('   \t\n').clauses).toEqual([]);
    expect(parsed(' - ').clauses).toEqual([]);
  });

  it.each([
    ['before:', 'missing-value', 'before:'],
    ['from:', 'missing-value', 'from:'],
    ['from:""', 'missing-value', 'from:'],
    ['before:2024-02-30', 'bad-value', 'before:'],
    ['after:yesterday', 'bad-value', 'after:'],
    ['after:1969-12-31', 'bad-value', 'after:'],
    ['has:pdf', 'bad-value', 'has:'],
    ['is:spam', 'bad-value', 'is:'],
    ['from:@.', 'bad-value', 'from:'],
  ])('%s is a clear error naming the operator', (input, code, operator) => {
    const result = parseSearchQuery(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code, operator });
    expect(result.error.message).toContain(operator);
  });

  it.each(
    [
      '"',
      '""',
      '"""',
      '*',
      '***',
      'NEAR(a b)',
      'a AND OR NOT b',
      ':',
      '::::',
      '-',
      '--',
      '- -',
      '-"',
      '(',
      ')',
      '^',
      '{sender}: x',
      'sender:x',
      'from:"unclosed',
      'col : "x" OR',
      '\u0000\u0001',
      '👍🏽',
      "'; DROP TABLE messages; --",
      'a'.repeat(10_000),
      'OR OR OR',
    ].map((q) => [q.length > 40 ? `${q.slice(0, 12)}… (${q.length} chars)` : q, q]),
  )('never throws on hostile input %j', (_label, input) => {
    expect(() => parseSearchQuery(input)).not.toThrow();
    const result = parseSearchQuery(input);
    expect(typeof result.ok).toBe('boolean');
  });

  it('drops terms with nothing to search for instead of failing', () => {
    expect(parsed('* "" ** -!!').clauses).toEqual([]);
    expect(shape('refund ***')).toEqual([[[false, text('refund')]]]);
  });

  it('reads an unclosed quote to the end', () => {
    expect(shape('from:"Bob Sm')).toEqual([[[false, text('Bob Sm', 'from')]]]);
  });
});

describe('parseDay and startOfDay', () => {
  it('accepts real calendar days only', () => {
    expect(parseDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2024-13-01')).toBeNull();
    expect(parseDay('24-01-01')).toBeNull();
  });

  it('starts a day at the given offset from UTC', () => {
    const day = { year: 2024, month: 3, day: 1 };
    expect(startOfDay(day, 0)).toBe(Date.UTC(2024, 2, 1));
    expect(startOfDay(day, 60)).toBe(Date.UTC(2024, 1, 29, 23));
    expect(startOfDay(day, -300)).toBe(Date.UTC(2024, 2, 1, 5));
  });

  it('without an offset uses the host time zone', () => {
    expect(startOfDay({ year: 2024, month: 7, day: 4 })).toBe(new Date(2024, 6, 4).getTime());
  });
});
