import type { ActivityEntry, NoteView, ThreadTeamView } from './team';
import type { AccountAuth } from './oauth';

/** How the app connects to a mail server: implicit TLS, STARTTLS upgrade, or plain (tests only). */
export type TlsMode = 'tls' | 'starttls' | 'none';

/** The shared mailbox as the renderer may see it: never includes the password. */
export interface AccountView {
  address: string;
  displayName: string;
  imap: { host: string; port: number; tls: TlsMode };
  smtp: { host: string; port: number; tls: TlsMode };
  user: string;
  /** Password or OAuth2 (and with which provider); never the secret itself. */
  auth: AccountAuth;
}

/** Whether this window shows a real mailbox or the built-in demo. */
export interface AppInfo {
  mode: 'demo' | 'account' | 'setup';
  account: AccountView | null;
  version: string;
}

/** A person on a thread. */
export interface Person {
  name: string;
  address: string;
}

/** One row of the thread list, read from the per-thread summary. */
export interface ThreadSummary {
  id: number;
  key: string;
  subject: string;
  snippet: string;
  from: Person;
  lastMessageAt: number;
  messageCount: number;
  hasAttachments: boolean;
}

/** One message as the thread pane shows it (plain text for now). */
export interface MessageView {
  id: number;
  messageId: string;
  from: Person;
  to: Person[];
  cc: Person[];
  subject: string;
  /** When the message is filed: its Date header, or the server's arrival time when that header is implausible. */
  date: number;
  /** The Date header as the sender wrote it, when the message is filed under the arrival time instead. */
  writtenDate: string | null;
  /** Why Promptly could not read this message (it is kept as received), or null. */
  unreadable: string | null;
  text: string;
  /** The HTML part as received (sanitize before showing; never trusted). */
  html: string | null;
  fromTeam: boolean;
  hasAttachments: boolean;
  attachments: AttachmentInfo[];
  /** The person allowed remote images for this sender (or this message). */
  imagesAllowed: boolean;
  /** Joined its conversation only because the subject and the customer matched (no reference headers). */
  joinedBySubject: boolean;
}

/** What is stored of an attachment before its content is downloaded (from the parsed MIME). */
export interface AttachmentMeta {
  /** Position among the message's attachments (content is re-extracted on demand). */
  part: string;
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
}

/** An attachment as the thread pane lists it (content is fetched on demand). */
export interface AttachmentInfo extends AttachmentMeta {
  /** Why it must not be opened with one click (it could run code), naming its real type; null when safe to open. */
  risk: string | null;
}

/** The parts of a message Promptly keeps, independent of the MIME library. */
export interface ParsedMessage {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: Person;
  to: Person[];
  cc: Person[];
  /** Header date, or the fallback (IMAP INTERNALDATE) when missing, unreadable or implausible (filedDate). */
  date: number;
  text: string;
  html: string | null;
  snippet: string;
  hasAttachments: boolean;
  attachments: AttachmentMeta[];
  /** Why the message was read only in part (e.g. a broken multipart shown as plain text), or null. */
  problem?: string | null;
}

/** A thread's due time and how urgent it is now (calm, due soon, overdue). */
export interface DueView {
  dueAt: number;
  reason: string;
  state: 'calm' | 'due-soon' | 'overdue';
}

/** A thread as a view lists it (one row): the summary plus the team's state and the due time. */
export interface ListedThread extends ThreadSummary {
  team: ThreadTeamView;
  due: DueView | null;
}

/** A thread with its messages (oldest first), team state, notes and activity timeline. */
export interface ThreadDetail {
  thread: ListedThread;
  messages: MessageView[];
  notes: NoteView[];
  activity: ActivityEntry[];
  /** When the promise still owed to the customer falls due (also while a newer clock comes first); null when none. */
  openPromiseAt: number | null;
}

/** One step of a mailbox sync, for progress bars and the CLI. */
export interface SyncProgress {
  folder: string;
  done: number;
  total: number;
  /** Messages per second since this folder's sync started. */
  rate: number;
  /** Seconds left at the current rate, or null when unknown. */
  etaSeconds: number | null;
}

/** What one sync pass did. */
export interface SyncReport {
  folders: Array<{
    path: string;
    fetched: number;
    failed: number;
    flagsChanged: number;
    expunged: number;
    /** How changes were found: QRESYNC, CONDSTORE, or a full UID/FLAGS diff. */
    mode: 'qresync' | 'condstore' | 'full';
  }>;
  durationMs: number;
}

/** Result of trying an account's servers, one line per server. */
export interface ConnectionReport {
  ok: boolean;
  imap: ServerCheck;
  smtp: ServerCheck;
}

/** One server's connection test outcome with a human explanation. */
export interface ServerCheck {
  ok: boolean;
  code?: string;
  message: string;
}

/** Where one folder's sync stands (CLI `status`, settings screen). */
export interface FolderStatus {
  path: string;
  role: string;
  uidvalidity: string | null;
  uidnext: number | null;
  highestModseq: string | null;
  complete: boolean;
  stored: number;
  serverCount: number | null;
  pendingBodies: number;
  unreadable: number;
  lastSyncedAt: number | null;
  lagSeconds: number | null;
  lastError: string | null;
}

/**
 * How a teammate's Promptly hears about changes, for `status` and the sync panel.
 * `push`: NOTIFY (every folder instantly), IDLE (INBOX instantly, the others every
 * `pollSeconds`), poll (every folder every `pollSeconds`), or off (live sync not running).
 */
export interface LiveSyncStatus {
  push: 'notify' | 'idle' | 'poll' | 'off';
  /** How often folders without push are checked, now (faster while the window is focused). */
  pollSeconds: number;
  /** The check interval while the window is in the background (the setting). */
  backgroundPollSeconds: number;
  /** Connections this Promptly holds now, and the most it may hold (the setting). */
  connections: number;
  maxConnections: number;
  /** Why push is slow or missing, in words for a person; null when all is well. */
  note: string | null;
  /** Stable code for `note`: the server's connection limit, no push offered, or the setting. */
  reason: 'too-many-connections' | 'server-busy' | 'no-push' | 'idle-only' | 'setting' | 'network' | null;
  updatedAt: number;
}

/** The connection budget and check interval a person can set (Settings, `sync --max-connections`). */
export interface LiveSyncSettings {
  maxConnections: number;
  pollSeconds: number;
}

/** A message Promptly could not read: kept raw, shown in the "Could not read" view. */
export interface UnreadableMessage {
  id: number;
  folder: string;
  uid: number;
  date: number;
  error: string;
  size: number;
  preview: string;
}

/** An attachment downloaded on demand into the local cache. */
export interface AttachmentFile {
  path: string;
  filename: string;
  contentType: string;
  size: number;
  /** True when it was already cached and no network was needed. */
  cached: boolean;
}
