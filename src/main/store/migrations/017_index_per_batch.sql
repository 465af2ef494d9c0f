-- Index a sync batch's new messages in one statement at the end of its transaction (issue 16).
-- FTS5 writes the terms it holds in memory to a new segment whenever a later statement of the
-- same transaction opens a statement savepoint, which every write to a table with foreign keys
-- or an ON CONFLICT clause does. With the insert trigger that was after every message: one tiny
-- segment per message, and the merging of them, most of the store's time in a first sync.
-- The store (store/ingest.ts) now inserts the documents of the messages it stored, so the index
-- is written once per batch. Updates and deletes keep their triggers (010).
DROP TRIGGER messages_fts_insert;
