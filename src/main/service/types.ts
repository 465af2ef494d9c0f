import type { CallArgs, CallName, CallResult } from '../../shared/contract';
import type { AccountInput } from '../../shared/schemas';
import type { ConnectionReport } from '../../shared/types';
import type { DiscoveryDeps } from '../mail/autoconfig/discover';
import type { SyncModes } from '../mail/imap/context';
import type { Db } from '../store/db';
import type { SecretStore } from '../secrets';
import type { LiveSyncTuning } from './liveSync';
import type { ClientSources } from '../auth/clients';

/** Every call of the contract, implemented. Arguments arrive already validated. */
export type Handlers = { [K in CallName]: (args: CallArgs<K>) => Promise<CallResult<K>> };

/** What the service needs from the outside world; all effects are passed in. */
export interface ServiceDeps {
  db: Db;
  secrets: SecretStore;
  now: () => number;
  version: string;
  /** True when the database holds the built-in demo mailbox (no server to sync). */
  demo?: boolean;
  checkAccount?: (input: AccountInput) => Promise<ConnectionReport>;
  /** Where downloaded attachments are cached (the data directory). */
  dataDir?: string;
  /** From this size (bytes, as the server reports it) a message is streamed to a file; tests lower it. */
  largeMessageBytes?: number;
  /** Incremental-sync extensions the engine may use; tests switch them off. Default: all. */
  syncModes?: SyncModes;
  /** Act as this teammate (CLI --me, tests with several teammates on one mailbox). */
  me?: string;
  /** Write a team log snapshot once this many log messages followed the newest (default 500). */
  teamSnapshotEvery?: number;
  /** Live-sync timings for tests (short cool-downs and retries); the product uses the defaults. */
  liveTuning?: LiveSyncTuning;
  /** How long live sync waits before retrying after a full disk (default 30 s). */
  diskFullRetryMs?: number;
  /** Opening and saving files with the OS (the desktop shell); absent in the CLI and preview. */
  files?: DesktopFiles;
  /** Where settings discovery looks (DNS, HTTP, clock); tests point it at local servers. */
  discovery?: Partial<DiscoveryDeps>;
  /** Opens a sign-in page in the system browser; absent in the preview (the page shows the link). */
  openUrl?: (url: string) => Promise<void> | void;
  /** Where OAuth client IDs come from; default: oauth-clients.json in dataDir, then the environment. */
  oauthClients?: ClientSources;
  /** Outside the app, a sign-in starts syncing at once (default); the CLI's `account set` only saves. */
  syncAfterSignIn?: boolean;
}

/** What the desktop offers for attachments: open with the default app, save with a dialog. */
export interface DesktopFiles {
  openPath(path: string): Promise<void>;
  /** Copies the file where the person chooses; null when they cancel. */
  saveAs(path: string, suggestedName: string): Promise<string | null>;
  /** Shows the file selected in the OS file manager, without opening it. */
  showInFolder(path: string): void;
}
