-- Mail without In-Reply-To or References, by sender and date: when a conversation's first message
-- is stored after a headerless reply to it (the first sync stores newest first), the store finds
-- that reply here and takes it in (store/subjectAdoption.ts), so threads do not depend on order.
CREATE INDEX messages_headerless_by_sender ON messages (account_id, lower(from_address), date)
  WHERE in_reply_to IS NULL AND refs = '[]';
