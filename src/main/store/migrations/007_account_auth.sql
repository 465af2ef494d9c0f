-- How the shared mailbox signs in: with a password, or with OAuth2 at a provider
-- ('microsoft', 'google', or an issuer URL). secret_ref then names the refresh token in the
-- keychain; no token is ever stored here.
ALTER TABLE accounts ADD COLUMN auth_kind TEXT NOT NULL DEFAULT 'password'
  CHECK (auth_kind IN ('password', 'oauth2'));
ALTER TABLE accounts ADD COLUMN oauth_provider TEXT
  CHECK ((auth_kind = 'oauth2') = (oauth_provider IS NOT NULL));
