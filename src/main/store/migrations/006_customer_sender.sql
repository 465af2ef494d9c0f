-- A list row names the customer: the newest named message not sent by the team, else the newest
-- one; the team's own replies only when it wrote every message. Existing rows are recomputed once.
UPDATE threads SET
  last_from_name = COALESCE((SELECT from_name FROM messages m WHERE m.thread_id = threads.id
    ORDER BY m.from_team, m.from_name = '', m.date DESC, m.id DESC LIMIT 1), last_from_name),
  last_from_address = COALESCE((SELECT from_address FROM messages m WHERE m.thread_id = threads.id
    ORDER BY m.from_team, m.from_name = '', m.date DESC, m.id DESC LIMIT 1), last_from_address);
