import { prepared } from '../statements';
import type { Db } from '../db';
import type { SearchCoverage } from '../../../shared/searchCoverage';

/** One synced folder's share of the mailbox, as the coverage query reads it. */
interface FolderCoverageRow {
  complete: number;
  server_count: number | null;
  stored: number;
  pending: number;
}

/**
 * How many of the account's messages search can find, out of how many there are. A message
 * waiting for its body ('pending') is not in the index (migration 010). While a folder's
 * first pass is unfinished its total is what the server said it holds, so messages not
 * fetched yet count as not searchable; once a pass completed, only pending bodies do. The
 * team log folder holds no mail and is left out.
 */
export function searchCoverage(db: Db, accountId: number): SearchCoverage {
  const rows = prepared(
    db,
    `SELECT f.complete, f.server_count,
        (SELECT COUNT(*) FROM messages m WHERE m.folder_id = f.id AND m.uid > 0) AS stored,
        (SELECT COUNT(*) FROM messages m WHERE m.folder_id = f.id AND m.uid > 0 AND m.body_state = 'pending') AS pending
      FROM folders f WHERE f.account_id = ? AND f.role <> 'team-log'`,
  ).all(accountId) as FolderCoverageRow[];
  let searchable = 0;
  let total = 0;
  let uncounted = rows.length === 0;
  for (const row of rows) {
    searchable += row.stored - row.pending;
    if (row.complete === 1) total += row.stored;
    else if (row.server_count === null) {
      total += row.stored;
      uncounted = true;
    } else total += Math.max(row.server_count, row.stored);
  }
  return { searchable, total, indexing: uncounted || searchable < total };
}
