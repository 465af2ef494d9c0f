-- The sidebar asks for the messages Promptly could not read after every stored batch: find the
-- few of them by index instead of reading every message (store/repos/messageDiagnostics.ts).
CREATE INDEX messages_unreadable ON messages (account_id, date) WHERE parse_error IS NOT NULL;
