import type { AccountInput } from '../../../shared/schemas';
import type {
  AppInfo,
  AttachmentFile,
  ConnectionReport,
  LiveSyncSettings,
  LiveSyncStatus,
  SyncReport,
  ThreadDetail,
} from '../../../shared/types';
import type { Outbox } from '../../outbox/outbox';
import type { Db } from '../../store/db';
import type { Account } from '../../store/repos/accounts';
import type { DeadlineKeeper } from '../deadlines';
import type { ServiceEvents } from '../events';
import type { TeamEngine } from '../team';
import type { ServiceDeps } from '../types';
import type { ConnectionState } from '../../../shared/connection';
import type { ClientSources } from '../../auth/clients';
import type { MailLogins } from '../../auth/mailLogins';
import type { OAuthFlow } from '../oauthFlow';

/**
 * What the handler modules may use of the service. The service implements it; the
 * handlers read `db` on every call, so a switch to the demo database reaches a table
 * that a transport built once.
 */
export interface ServiceCore {
  readonly db: Db;
  readonly deps: Readonly<ServiceDeps>;
  readonly events: ServiceEvents;
  readonly deadlines: DeadlineKeeper;
  /** The secret every connection signs in with (password or OAuth2 tokens). */
  readonly logins: MailLogins;
  /** The OAuth2 sign-in in progress. */
  readonly oauth: OAuthFlow;
  /** Where OAuth client IDs come from (settings file, environment, build). */
  oauthClients(): ClientSources;
  /** The due-soon lead of the team policy, in ms. */
  leadMs(): number;
  team(): TeamEngine | null;
  requireTeam(): TeamEngine;
  requireAccount(): Account;
  outbox(): Outbox | null;
  requireOutbox(): Outbox;
  /** Asks live sync for a pass soon (something to append or send is waiting). */
  ring(): void;
  appInfo(): AppInfo;
  openDemo(): Promise<AppInfo>;
  openSetup(): Promise<AppInfo>;
  saveAccount(input: AccountInput): Promise<ConnectionReport>;
  saveAccountLater(input: AccountInput): Promise<AppInfo>;
  removeAccount(): Promise<AppInfo>;
  connection(): ConnectionState;
  retryConnection(): ConnectionState;
  syncNow(): Promise<SyncReport>;
  /** How live sync hears about changes (stored by the process running it, if not this one). */
  liveStatus(): LiveSyncStatus;
  /** Saves a new connection budget or check interval, or notes the window's focus. */
  configureLive(change: Partial<LiveSyncSettings> & { focused?: boolean }): LiveSyncStatus;
  threadDetail(id: number): ThreadDetail;
  fetchAttachment(messageRowId: number, part: string): Promise<AttachmentFile>;
}
