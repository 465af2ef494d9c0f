import { prepared } from '../statements';
import type { Db } from '../db';
import type { AccountView, TlsMode } from '../../../shared/types';

/** A stored account: connection settings plus a reference to its secret (never the secret). */
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
  };
}

/** The shared mailbox this database belongs to (Promptly keeps one per data directory). */
export function getAccount(db: Db): Account | null {
  const row = prepared(db, 'SELECT * FROM accounts ORDER BY id LIMIT 1').get() as AccountRow | undefined;
  return row ? rowToAccount(row) : null;
}

/** Inserts or replaces the settings of the account with this address; returns its id. */
export function saveAccount(db: Db, account: Omit<Account, 'id'>, now: number): number {
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
    created_at: now,
  };
  const row = prepared(
    db,
    `INSERT INTO accounts (address, display_name, imap_host, imap_port, imap_tls, smtp_host,
         smtp_port, smtp_tls, user, secret_ref, created_at)
       VALUES (@address, @display_name, @imap_host, @imap_port, @imap_tls, @smtp_host,
         @smtp_port, @smtp_tls, @user, @secret_ref, @created_at)
       ON CONFLICT (address) DO UPDATE SET display_name = excluded.display_name,
         imap_host = excluded.imap_host, imap_port = excluded.imap_port,
         imap_tls = excluded.imap_tls, smtp_host = excluded.smtp_host,
         smtp_port = excluded.smtp_port, smtp_tls = excluded.smtp_tls,
         user = excluded.user, secret_ref = excluded.secret_ref
       RETURNING id`,
  ).get(params) as { id: number };
  return row.id;
}

/** Public view of an account, safe to send to the renderer. */
export function toAccountView(account: Account): AccountView {
  const { id: _id, secretRef: _ref, ...view } = account;
  return view;
}
