-- The person who signs in for a shared mailbox opened with delegated access (a Microsoft 365
-- shared mailbox): their address is the login hint when signing in again, and Settings shows
-- it. NULL when the mailbox signs in as itself, and always for passwords.
ALTER TABLE accounts ADD COLUMN oauth_sign_in_as TEXT
  CHECK (oauth_sign_in_as IS NULL OR auth_kind = 'oauth2');
