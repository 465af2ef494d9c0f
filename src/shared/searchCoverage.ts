/**
 * How much of the mailbox search can see. A message becomes searchable when its text is in
 * the index (issue 16: during a first sync, once its body has arrived), so while a first sync
 * or a backlog of bodies is unfinished, search must say that results may be missing.
 */
export interface SearchCoverage {
  /** Messages in the full-text index. */
  searchable: number;
  /** Messages the synced folders hold: on the server while a folder's first sync runs, else stored. */
  total: number;
  /** True while some messages are not searchable yet (or a first sync has not counted them). */
  indexing: boolean;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The sentence search shows while indexing is unfinished, or null once everything is
 * searchable. The same words in the app and the CLI.
 */
export function indexingNotice(coverage: SearchCoverage): string | null {
  if (!coverage.indexing) return null;
  if (coverage.total === 0)
    return 'Still indexing: the first sync has not counted the messages yet. Results may be missing.';
  const verb = coverage.searchable === 1 ? 'is' : 'are';
  return `Still indexing: ${count(coverage.searchable)} of ${count(coverage.total)} messages ${verb} searchable so far. Results may be missing.`;
}
