-- The sidebar's view counts are asked after every stored batch: count listed threads by due time
-- and by due reason as ranges of narrow indexes instead of reading every row (store/repos/viewCounts.ts).
CREATE INDEX threads_listed_by_due ON threads (account_id, due_at, message_count) WHERE message_count > 0;
CREATE INDEX threads_listed_by_reason ON threads (account_id, due_reason, message_count) WHERE message_count > 0;
