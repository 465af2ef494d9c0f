-- Full-text search over messages (issue 3). One FTS5 row per message, rowid = messages.id.
-- Contentless with delete support: the text already lives in `messages`, so the index
-- keeps only its postings (no second copy of every body). unicode61 folds case and
-- diacritics ("cafe" finds "Café"); addresses split into words, so `bob@acme.example` is
-- the phrase "bob acme example" and `acme.example` matches it too.
CREATE VIRTUAL TABLE messages_fts USING fts5(
  subject,
  body,
  sender,
  recipients,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The one definition of a message's search document. sender = "name address";
-- recipients = To then Cc, each "name address". Malformed JSON indexes no recipients
-- rather than failing the writer's transaction.
CREATE VIEW messages_fts_source AS
SELECT
  m.id AS id,
  m.subject AS subject,
  m.body_text AS body,
  m.from_name || ' ' || m.from_address AS sender,
  (SELECT COALESCE(group_concat(
     COALESCE(json_extract(p.value, '$.name'), '') || ' ' || COALESCE(json_extract(p.value, '$.address'), ''),
     ' '), '')
   FROM (
     SELECT value, type FROM json_each(CASE WHEN json_valid(m.to_json) THEN m.to_json ELSE '[]' END)
     UNION ALL
     SELECT value, type FROM json_each(CASE WHEN json_valid(m.cc_json) THEN m.cc_json ELSE '[]' END)
   ) AS p
   WHERE p.type = 'object') AS recipients
FROM messages AS m;

-- Triggers keep the index inside the writer's own transaction, so every write path (sync
-- batches, bodies filled in after headers-first sync, expunges) indexes without knowing.
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, subject, body, sender, recipients)
  SELECT id, subject, body, sender, recipients FROM messages_fts_source WHERE id = new.id;
END;

-- Only the indexed columns re-index: thread merges (thread_id), flags and body_state do
-- not. A contentless-delete table updates only whole rows, so delete and insert again.
CREATE TRIGGER messages_fts_update AFTER UPDATE OF subject, body_text, from_name, from_address, to_json, cc_json
ON messages BEGIN
  DELETE FROM messages_fts WHERE rowid = old.id;
  INSERT INTO messages_fts (rowid, subject, body, sender, recipients)
  SELECT id, subject, body, sender, recipients FROM messages_fts_source WHERE id = new.id;
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  DELETE FROM messages_fts WHERE rowid = old.id;
END;

-- Backfill what earlier versions stored.
INSERT INTO messages_fts (rowid, subject, body, sender, recipients)
SELECT id, subject, body, sender, recipients FROM messages_fts_source;
