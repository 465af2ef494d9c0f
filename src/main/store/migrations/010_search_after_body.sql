-- Index a message once, when its body is stored (issue 16). A headers-first sync inserted
-- each row with an empty body, indexed it, and when the body arrived deleted that document
-- and indexed the whole message again: two index writes and a delete per message, the
-- costliest part of a first sync. Rows waiting for their body ('pending') now stay out of
-- the index; search finds them once the body is in. Failed rows are indexed (subject,
-- sender, recipients) as before, since no body will follow.
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_update;
DROP TRIGGER messages_fts_delete;

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.body_state <> 'pending' BEGIN
  INSERT INTO messages_fts (rowid, subject, body, sender, recipients)
  SELECT id, subject, body, sender, recipients FROM messages_fts_source WHERE id = new.id;
END;

-- A row leaving 'pending' has no document yet: it is inserted, never deleted first.
CREATE TRIGGER messages_fts_update AFTER UPDATE OF subject, body_text, from_name, from_address, to_json, cc_json,
  body_state ON messages BEGIN
  DELETE FROM messages_fts WHERE rowid = old.id AND old.body_state <> 'pending';
  INSERT INTO messages_fts (rowid, subject, body, sender, recipients)
  SELECT id, subject, body, sender, recipients FROM messages_fts_source WHERE id = new.id AND new.body_state <> 'pending';
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.body_state <> 'pending' BEGIN
  DELETE FROM messages_fts WHERE rowid = old.id;
END;

-- Rows already waiting for their body lose the header-only document the old trigger wrote.
DELETE FROM messages_fts WHERE rowid IN (SELECT id FROM messages WHERE body_state = 'pending');
