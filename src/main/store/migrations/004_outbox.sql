-- The outbox (issue 5; ARCHITECTURE.md, "Outbox: never lost, never twice"). A reply's
-- Message-ID and raw MIME are stored when it is queued, before any network I/O, so a crash
-- can neither lose it nor send it twice. Every state change is one transaction that also
-- writes one outbox_log row.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  -- Threads can be merged away; the key stays and finds the thread again.
  thread_id INTEGER REFERENCES threads(id) ON DELETE SET NULL,
  thread_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reply', 'reply-all', 'forward')),
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'accepted', 'filed', 'failed', 'uncertain', 'cancelled')),
  -- Without angle brackets, like messages.message_id.
  message_id TEXT NOT NULL UNIQUE,
  -- The message answered (its Message-ID), to set \Answered on after sending.
  parent_message_id TEXT,
  subject TEXT NOT NULL DEFAULT '',
  envelope_from TEXT NOT NULL,
  -- JSON array of bare addresses (To, Cc and Bcc): the SMTP envelope.
  envelope_to TEXT NOT NULL,
  -- JSON array of the To addresses, for the outbox view.
  to_json TEXT NOT NULL DEFAULT '[]',
  raw BLOB NOT NULL,
  size INTEGER NOT NULL,
  -- The request as queued, so undo can reopen the composer with it.
  request_json TEXT NOT NULL DEFAULT '{}',
  courtesy INTEGER NOT NULL DEFAULT 0,
  promise_at INTEGER,
  opened_at INTEGER NOT NULL,
  force INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  undo_until INTEGER NOT NULL,
  send_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  retry_at INTEGER,
  error_code TEXT,
  error TEXT,
  accepted_at INTEGER,
  filed_at INTEGER,
  -- When onSent (thread → waiting on customer, promise) was delivered; null = still owed.
  notified_at INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (account_id, state, send_at, id);
CREATE INDEX outbox_by_thread ON outbox (thread_id);

-- Every transition of an outbox item, oldest first: the item's history for the activity
-- view and for diagnosing a send ("queued → sending → failed: 421 try later").
CREATE TABLE outbox_log (
  id INTEGER PRIMARY KEY,
  outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_log_by_item ON outbox_log (outbox_id, id);
