-- Accounts, folders with their sync state, messages, threads (summary rows),
-- participants and the Message-ID index used for threading.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  address TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  imap_host TEXT NOT NULL,
  imap_port INTEGER NOT NULL,
  imap_tls TEXT NOT NULL CHECK (imap_tls IN ('tls', 'starttls', 'none')),
  smtp_host TEXT NOT NULL,
  smtp_port INTEGER NOT NULL,
  smtp_tls TEXT NOT NULL CHECK (smtp_tls IN ('tls', 'starttls', 'none')),
  user TEXT NOT NULL,
  secret_ref TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE folders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'other' CHECK (role IN ('inbox', 'sent', 'all', 'team-log', 'other')),
  uidvalidity TEXT,
  uidnext INTEGER,
  highestmodseq TEXT,
  last_synced_at INTEGER,
  UNIQUE (account_id, path)
);

CREATE TABLE threads (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  thread_key TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  snippet TEXT NOT NULL DEFAULT '',
  last_from_name TEXT NOT NULL DEFAULT '',
  last_from_address TEXT NOT NULL DEFAULT '',
  first_message_at INTEGER NOT NULL,
  last_message_at INTEGER NOT NULL,
  message_count INTEGER NOT NULL DEFAULT 0,
  has_attachments INTEGER NOT NULL DEFAULT 0,
  UNIQUE (account_id, thread_key)
);
CREATE INDEX threads_by_recency ON threads (account_id, last_message_at DESC);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
  uid INTEGER NOT NULL,
  thread_id INTEGER REFERENCES threads(id),
  message_id TEXT NOT NULL,
  in_reply_to TEXT,
  refs TEXT NOT NULL DEFAULT '[]',
  subject TEXT NOT NULL DEFAULT '',
  from_name TEXT NOT NULL DEFAULT '',
  from_address TEXT NOT NULL DEFAULT '',
  to_json TEXT NOT NULL DEFAULT '[]',
  cc_json TEXT NOT NULL DEFAULT '[]',
  date INTEGER NOT NULL,
  snippet TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  body_html TEXT,
  flags TEXT NOT NULL DEFAULT '[]',
  has_attachments INTEGER NOT NULL DEFAULT 0,
  from_team INTEGER NOT NULL DEFAULT 0,
  parse_error TEXT,
  raw BLOB,
  UNIQUE (folder_id, uid)
);
CREATE INDEX messages_by_thread ON messages (thread_id, date);
CREATE INDEX messages_by_message_id ON messages (account_id, message_id);

CREATE TABLE participants (
  thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  address TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  is_team INTEGER NOT NULL DEFAULT 0,
  message_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (thread_id, address)
);
CREATE INDEX participants_by_address ON participants (address);

-- Every Message-ID a thread is known by, including referenced messages we never saw
-- (JWZ "phantoms"), so a late-arriving parent or child finds its thread.
CREATE TABLE thread_refs (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, message_id)
);
CREATE INDEX thread_refs_by_thread ON thread_refs (thread_id);
