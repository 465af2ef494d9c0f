import type { ReactNode } from 'react';
import { parseSearchQuery } from '../../../../shared/searchQuery';

/**
 * The words a query looks for in text (free words, phrases, subject: values), not negated
 * ones and not operators like from: or before:. Lower-cased, longest first.
 */
export function highlightTerms(query: string): string[] {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) return [];
  const words = new Set<string>();
  for (const clause of parsed.query.clauses)
    for (const term of clause.anyOf) {
      const c = term.condition;
      if (term.negated || c.kind !== 'text' || (c.field !== 'any' && c.field !== 'subject')) continue;
      const value = c.value.trim().toLowerCase();
      if (value) words.add(value);
    }
  return [...words].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for the terms: whole words (or word starts, as the index matches them). */
export function termMatcher(terms: string[]): RegExp | null {
  if (terms.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escapeRegExp).join('|')})`, 'giu');
}

/** `text` with each match of `matcher` wrapped in <mark>. */
export function Highlight({ text, matcher }: { text: string; matcher: RegExp | null }): ReactNode {
  if (!matcher || !text) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(matcher)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(<mark key={at}>{match[0]}</mark>);
    last = at + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
