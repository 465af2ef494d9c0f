-- A message above the large-message size is not held in memory or in this database: its
-- original is a file in the data folder (the path relative to it), read for "Show original",
-- "Save as .eml" and its attachments. NULL for every other message.
ALTER TABLE messages ADD COLUMN source_file TEXT;
CREATE INDEX messages_with_source_file ON messages (source_file) WHERE source_file IS NOT NULL;
