-- A conversation's key follows its root (docs/ARCHITECTURE.md "Thread key"): when mail that
-- arrived late shows an older root, the conversation is keyed again. Its earlier keys stay
-- here, pointing at the current one, so team events, pending actions and links that name an
-- earlier key still find the conversation.
CREATE TABLE thread_key_aliases (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  old_key TEXT NOT NULL,
  thread_key TEXT NOT NULL,
  PRIMARY KEY (account_id, old_key)
);
CREATE INDEX thread_key_aliases_by_key ON thread_key_aliases (account_id, thread_key);
