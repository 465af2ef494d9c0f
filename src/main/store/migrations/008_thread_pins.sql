-- Conversations the team merged or split by hand (the team log's merge and split events). Each
-- moved message is pinned to the conversation it was moved to, so a later sync keeps it there
-- and does not join the two again; moved_from (a team thread key) lets an undo put it back.
CREATE TABLE thread_pins (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  thread_key TEXT NOT NULL,
  moved_from TEXT NOT NULL,
  PRIMARY KEY (account_id, message_id)
);
CREATE INDEX thread_pins_by_origin ON thread_pins (account_id, moved_from);

-- A message that joined its conversation only through the subject fallback (no reference
-- headers; policy/subject.ts), so the thread can say so and offer to split it off.
ALTER TABLE messages ADD COLUMN joined_by_subject INTEGER NOT NULL DEFAULT 0;
