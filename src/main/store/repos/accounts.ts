import { prepared } from '../statements';
import type { Db } from '../db';
import type { AccountView, TlsMode } from '../../../shared/types';
import type { AccountAuth } from '../../../shared/oauth';

/**
 * A stored account: connection settings plus a reference to its secret (never the secret):
 * the password, or for OAuth2 the refresh token, both kept in the SecretStore.
 */
export interface Account extends AccountView {
  id: number;
  secretRef: string;
}

interface AccountRow {
  id: number;
  address: string;
  display_name: string;
  imap_host: string;
  imap_port: number;
  imap_tls: TlsMode;
  smtp_host: string;
  smtp_port: number;
  smtp_tls: TlsMode;
  user: string;
  secret_ref: string;
  auth_kind: 'password' | 'oauth2';
  oauth_provider: string | null;
  oauth_sign_in_as: string | null;
}

function rowToAccount(row: AccountRow): Account {
  return {
    id: row.id,
    address: row.address,
    displayName: row.display_name,
    imap: { host: row.imap_host, port: row.imap_port, tls: row.imap_tls },
    smtp: { host: row.smtp_host, port: row.smtp_port, tls: row.smtp_tls },
    user: row.user,
    secretRef: row.secret_ref,
    auth: rowToAuth(row),
  };
}

function rowToAuth(row: AccountRow): AccountAuth {
  if (row.auth_kind !== 'oauth2' || row.oauth_provider === null) return { kind: 'password' };
  const auth = { kind: 'oauth2' as const, provider: row.oauth_provider };
  return row.oauth_sign_in_as === null ? auth : { ...auth, signInAs: row.oauth_sign_in_as };
}

/** The shared mailbox this database belongs to (Promptly keeps one per data directory). */
export function getAccount(db: Db): Account | null {
  const row = prepared(db, 'SELECT * FROM accounts ORDER BY id LIMIT 1').get() as AccountRow | undefined;
  return row ? rowToAccount(row) : null;
}

/** Inserts or replaces the settings of the account with this address; returns its id. */
export function saveAccount(
  db: Db,
  account: Omit<Account, 'id' | 'auth'> & { auth?: AccountAuth },
  now: number,
): number {
  const auth = account.auth ?? { kind: 'password' };
  const params = {
    address: account.address,
    display_name: account.displayName,
    imap_host: account.imap.host,
    imap_port: account.imap.port,
    imap_tls: account.imap.tls,
    smtp_host: account.smtp.host,
    smtp_port: account.smtp.port,
    smtp_tls: account.smtp.tls,
    user: account.user,
    secret_ref: account.secretRef,
    auth_kind: auth.kind,
    oauth_provider: auth.kind === 'oauth2' ? auth.provider : null,
    oauth_sign_in_as: auth.kind === 'oauth2' ? (auth.signInAs ?? null) : null,
    created_at: now,
  };
  const row = prepared(
    db,
    `INSERT INTO accounts (address, display_name, imap_host, imap_port, imap_tls, smtp_host,
         smtp_port, smtp_tls, user, secret_ref, auth_kind, oauth_provider, oauth_sign_in_as, created_at)
       VALUES (@address, @display_name, @imap_host, @imap_port, @imap_tls, @smtp_host,
         @smtp_port, @smtp_tls, @user, @secret_ref, @auth_kind, @oauth_provider, @oauth_sign_in_as, @created_at)
       ON CONFLICT (address) DO UPDATE SET display_name = excluded.display_name,
         imap_host = excluded.imap_host, imap_port = excluded.imap_port,
         imap_tls = excluded.imap_tls, smtp_host = excluded.smtp_host,
         smtp_port = excluded.smtp_port, smtp_tls = excluded.smtp_tls,
         user = excluded.user, secret_ref = excluded.secret_ref,
         auth_kind = excluded.auth_kind, oauth_provider = excluded.oauth_provider,
         oauth_sign_in_as = excluded.oauth_sign_in_as
       RETURNING id`,
  ).get(params) as { id: number };
  return row.id;
}

/** Public view of an account, safe to send to the renderer. */
export function toAccountView(account: Account): AccountView {
  const { id: _id, secretRef: _ref, ...view } = account;
  return view;
}
