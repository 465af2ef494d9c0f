import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../../src/main/mail/mailShape.mjs';

/** The list row's text as first written: every kept line joined, then collapsed and cut. */
function wholeBodySnippet(text: string): string {
  const kept: string[] = [];
  for (const line of text.slice(0, 4000).split(/\r?\n/)) {
    if (/^\s*>/.test(line)) continue;
    if (/^-- ?$/.test(line)) break;
    if (/^On .+wrote:\s*$/.test(line)) break;
    kept.push(line);
  }
  const flat = kept.join(' ').replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

const piece = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  '> quoted',
  '-- ',
  'On Mon, Bob wrote:',
  'word',
  'x'.repeat(70),
  'é',
);

describe('snippetOf', () => {
  it('reads only as far as the row needs, with the same text as reading the whole body', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(snippetOf(text)).toBe(wholeBodySnippet(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts a long first paragraph at the row length and drops quotes and signatures', () => {
    expect(snippetOf(`${'a '.repeat(200)}\n-- \nsig`)).toBe(`${'a '.repeat(80).slice(0, 159)}…`);
    expect(snippetOf('  Thanks \n> old\n\n  again  \n-- \nAlice')).toBe('Thanks again');
  });
});
