-- Team state through the mailbox (ARCHITECTURE.md "Team state"): the synced log folder,
-- actions waiting to be appended, per-thread team state for list views, local settings.
CREATE TABLE team_log (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uid INTEGER NOT NULL,
  event_json TEXT,
  problem TEXT,
  PRIMARY KEY (account_id, uid)
);

CREATE TABLE team_pending (
  id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  thread_key TEXT,
  event_json TEXT NOT NULL,
  raw BLOB NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'appending', 'appended')),
  uid INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX team_pending_by_order ON team_pending (account_id, created_at);

-- The team's view of a local thread, rewritten whenever the fold changes it.
CREATE TABLE thread_team (
  thread_id INTEGER PRIMARY KEY REFERENCES threads(id) ON DELETE CASCADE,
  team_key TEXT NOT NULL,
  owner TEXT,
  handoff_to TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'waiting', 'closed')),
  status_at INTEGER,
  snoozed_until INTEGER,
  snoozed_at INTEGER,
  promise_due INTEGER,
  notes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX thread_team_by_owner ON thread_team (owner);

-- When the customer and the team last wrote (reopening), and the thread's one due time
-- (courtesy deadline, promise or snooze), kept current so lists can filter and sort by it.
ALTER TABLE threads ADD COLUMN last_customer_at INTEGER;
ALTER TABLE threads ADD COLUMN last_team_at INTEGER;
ALTER TABLE threads ADD COLUMN due_at INTEGER;
ALTER TABLE threads ADD COLUMN due_reason TEXT;
CREATE INDEX threads_by_due ON threads (account_id, due_at) WHERE due_at IS NOT NULL;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
