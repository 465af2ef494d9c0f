import type { Db } from '../../store/db';
import { parseSearchQuery } from '../../../shared/searchQuery';
import { findThreads, type SearchOptions, type SearchResult } from '../../store/repos/search';

/** How many results, and in which time zone `before:` / `after:` days start (default: this machine's). */
export type SearchVerbOptions = SearchOptions;

/**
 * The `search QUERY` verb: parses what the user typed and returns matching threads newest
 * first, or an error (bad operator value, operator not available yet) to print and exit 2.
 * Never throws on user input.
 */
export function searchThreads(db: Db, accountId: number, query: string, options: SearchVerbOptions): SearchResult {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) return { error: parsed.error };
  return findThreads(db, accountId, parsed.query, options);
}
