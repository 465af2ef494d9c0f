-- Production sync: headers first with bodies fetched later, per-message modseq, folder
-- sync status, selected headers for policy (auto-replies, lists), attachment metadata.
ALTER TABLE messages ADD COLUMN body_state TEXT NOT NULL DEFAULT 'done'
  CHECK (body_state IN ('pending', 'done', 'failed'));
ALTER TABLE messages ADD COLUMN modseq TEXT;
ALTER TABLE messages ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN gm_thrid TEXT;
ALTER TABLE messages ADD COLUMN headers TEXT NOT NULL DEFAULT '{}';
CREATE INDEX messages_pending_bodies ON messages (folder_id, uid) WHERE body_state = 'pending';

ALTER TABLE folders ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
ALTER TABLE folders ADD COLUMN last_error TEXT;
ALTER TABLE folders ADD COLUMN last_attempt_at INTEGER;
ALTER TABLE folders ADD COLUMN server_count INTEGER;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  part TEXT NOT NULL,
  filename TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT 'application/octet-stream',
  size INTEGER NOT NULL DEFAULT 0,
  content_id TEXT,
  inline INTEGER NOT NULL DEFAULT 0,
  cached_path TEXT
);
CREATE INDEX attachments_by_message ON attachments (message_id);
