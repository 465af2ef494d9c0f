import { z } from 'zod';
import { accountInputSchema } from './schemas';
import { oauthStartSchema, type OAuthAvailability, type OAuthStatus } from './oauth';
import {
  draftRequestSchema,
  sendRequestSchema,
  type Draft,
  type QueuedReply,
  type QueueResult,
  templateSaveSchema,
  type Template,
  type UndoResult,
} from './outbox';
import {
  identitySchema,
  mergeRequestSchema,
  splitRequestSchema,
  threadActionSchema,
  VIEWS,
  type Identity,
  type MergeResult,
  type SplitResult,
  type View,
} from './team';
import type { Teammate } from './teamEvents';
import type { ErrorInfo } from './errors';
import type { SearchCoverage } from './searchCoverage';
import type { DiscoveryResult } from './discovery';
import { CALL_NAMES, EVENT_NAMES } from './channels';
import type { ConnectionState } from './connection';
import {
  policySchema,
  quietHoursSchema,
  type DueSoonWindow,
  type FollowThroughMetrics,
  type Policy,
  type QuietHours,
  type TrayState,
} from './policy';
import type {
  AppInfo,
  ConnectionReport,
  SyncProgress,
  SyncReport,
  ThreadDetail,
  ListedThread,
  AccountView,
  FolderStatus,
  LiveSyncStatus,
  UnreadableMessage,
  AttachmentFile,
} from './types';

/** Marks a call's result type without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

/**
 * Every call the renderer can make to main: argument schema (validated in main before
 * anything runs) and result type. Preload, IPC handlers and the browser bridge derive
 * from this one object.
 */
export const calls = {
  'app.info': { args: z.object({}).strict(), result: returns<AppInfo>() },
  'app.openDemo': { args: z.object({}).strict(), result: returns<AppInfo>() },
  /** Leaves the demo for the person's own (empty) data folder, where setup starts. */
  'app.openSetup': { args: z.object({}).strict(), result: returns<AppInfo>() },
  'threads.list': {
    args: z
      .object({
        view: z.enum(VIEWS).default('all'),
        sort: z.enum(['recent', 'due']).default('recent'),
        limit: z.number().int().min(1).max(5000).default(500),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    result: returns<ListedThread[]>(),
  },
  'reply.draft': { args: draftRequestSchema, result: returns<Draft>() },
  'reply.send': { args: sendRequestSchema, result: returns<QueueResult>() },
  'reply.courtesy': {
    args: z
      .object({
        threadId: z.number().int().positive(),
        promiseAt: z.number().int().min(0).optional(),
        openedAt: z.number().int().min(0).optional(),
        force: z.boolean().default(false),
        text: z.string().max(200_000).optional(),
      })
      .strict(),
    result: returns<QueueResult>(),
  },
  'outbox.list': { args: z.object({}).strict(), result: returns<QueuedReply[]>() },
  'outbox.undo': { args: z.object({ id: z.number().int().positive() }).strict(), result: returns<UndoResult>() },
  'outbox.cancel': { args: z.object({ id: z.number().int().positive() }).strict(), result: returns<QueuedReply>() },
  'outbox.retry': {
    args: z.object({ id: z.number().int().positive(), force: z.boolean().default(false) }).strict(),
    result: returns<QueuedReply>(),
  },
  'outbox.sendAgain': { args: z.object({ id: z.number().int().positive() }).strict(), result: returns<QueuedReply>() },
  'templates.list': { args: z.object({}).strict(), result: returns<Template[]>() },
  'templates.save': { args: templateSaveSchema, result: returns<Template>() },
  'templates.delete': { args: z.object({ id: z.string().min(1).max(100) }).strict(), result: returns<Template>() },
  'metrics.get': {
    args: z.object({ from: z.number().int().min(0), to: z.number().int().min(0) }).strict(),
    result: returns<FollowThroughMetrics>(),
  },
  'metrics.weekly': { args: z.object({}).strict(), result: returns<FollowThroughMetrics[]>() },
  'export.csv': { args: z.object({ kind: z.enum(['threads', 'metrics']) }).strict(), result: returns<string>() },
  'policy.get': { args: z.object({}).strict(), result: returns<Policy>() },
  'policy.set': { args: policySchema, result: returns<Policy>() },
  'quietHours.get': { args: z.object({}).strict(), result: returns<QuietHours | null>() },
  'quietHours.set': {
    args: z.object({ quietHours: quietHoursSchema.nullable() }).strict(),
    result: returns<QuietHours | null>(),
  },
  'views.counts': { args: z.object({}).strict(), result: returns<Record<View, number>>() },
  'views.dueSoon': { args: z.object({}).strict(), result: returns<DueSoonWindow>() },
  'thread.act': {
    args: z.object({ id: z.number().int().positive(), action: threadActionSchema }).strict(),
    result: returns<{ eventId: string }>(),
  },
  /** Merges conversations into `into`, which survives (a team-log merge per conversation). */
  'threads.merge': { args: mergeRequestSchema, result: returns<MergeResult>() },
  /** "Split from here", or takes a merged conversation back out (the undo of a merge). */
  'threads.split': { args: splitRequestSchema, result: returns<SplitResult>() },
  'presence.set': {
    args: z.object({ threadId: z.number().int().positive(), replying: z.boolean() }).strict(),
    result: returns<{ sent: 'replying' | 'stopped' | null }>(),
  },
  'team.roster': { args: z.object({}).strict(), result: returns<Teammate[]>() },
  'me.get': { args: z.object({}).strict(), result: returns<Identity | null>() },
  'me.set': { args: identitySchema, result: returns<Identity>() },
  'thread.get': {
    args: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<ThreadDetail>(),
  },
  'account.get': { args: z.object({}).strict(), result: returns<AccountView | null>() },
  'account.test': { args: accountInputSchema, result: returns<ConnectionReport>() },
  'account.save': { args: accountInputSchema, result: returns<ConnectionReport>() },
  /** Server settings for an address from presets, autoconfig XML, DNS SRV or a tested guess. */
  'account.discover': {
    args: z
      .object({ address: z.string().trim().email('Enter the full address, for example support@example.com.') })
      .strict(),
    result: returns<DiscoveryResult>(),
  },
  /** Saves settings the servers could not confirm yet; the app keeps trying to connect. */
  'account.saveLater': { args: accountInputSchema, result: returns<AppInfo>() },
  /** Signs in again with the saved settings and password, and reports each server. */
  'account.testSaved': { args: z.object({}).strict(), result: returns<ConnectionReport>() },
  /** Forgets the mailbox on this computer (the server keeps everything); setup starts again. */
  'account.remove': { args: z.object({}).strict(), result: returns<AppInfo>() },
  'connection.get': { args: z.object({}).strict(), result: returns<ConnectionState>() },
  /** Tries to reach a saved mailbox now instead of waiting for the next attempt. */
  'connection.retry': { args: z.object({}).strict(), result: returns<ConnectionState>() },
  /** Which sign-in buttons can work here, and what to do for those that cannot. */
  'oauth.providers': { args: z.object({}).strict(), result: returns<OAuthAvailability[]>() },
  /** Starts the browser sign-in; answers with the URL once the browser has it. */
  'oauth.start': { args: oauthStartSchema, result: returns<OAuthStatus>() },
  'oauth.status': { args: z.object({}).strict(), result: returns<OAuthStatus>() },
  'oauth.cancel': { args: z.object({}).strict(), result: returns<OAuthStatus>() },
  'sync.now': { args: z.object({}).strict(), result: returns<SyncReport>() },
  'sync.status': { args: z.object({}).strict(), result: returns<FolderStatus[]>() },
  'sync.live': { args: z.object({}).strict(), result: returns<LiveSyncStatus>() },
  'sync.configure': {
    args: z
      .object({
        maxConnections: z
          .number()
          .int()
          .min(1, 'Promptly needs at least one connection.')
          .max(20, 'More than 20 connections would exceed most servers.')
          .optional(),
        pollSeconds: z
          .number()
          .int()
          .min(5, 'Check at most every 5 seconds.')
          .max(3600, 'Check at least once an hour.')
          .optional(),
        /** The window came to the front (checks get faster) or went to the background. */
        focused: z.boolean().optional(),
      })
      .strict(),
    result: returns<LiveSyncStatus>(),
  },
  'threads.search': {
    args: z
      .object({
        query: z.string().max(1000),
        limit: z.number().int().min(1).max(5000).default(200),
        tzOffsetMinutes: z.number().int().min(-840).max(840).optional(),
      })
      .strict(),
    result: returns<ListedThread[]>(),
  },
  /** How much of the mailbox search can find yet (a first sync indexes as bodies arrive). */
  'search.coverage': { args: z.object({}).strict(), result: returns<SearchCoverage>() },
  'messages.unreadable': {
    args: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    result: returns<UnreadableMessage[]>(),
  },
  'attachment.fetch': {
    args: z.object({ messageId: z.number().int().positive(), part: z.string().max(20) }).strict(),
    result: returns<AttachmentFile>(),
  },
  'attachment.inline': {
    args: z.object({ messageId: z.number().int().positive(), part: z.string().max(20) }).strict(),
    result: returns<{ dataUrl: string }>(),
  },
  'attachment.open': {
    args: z.object({ messageId: z.number().int().positive(), part: z.string().max(20) }).strict(),
    result: returns<{ path: string; opened: boolean }>(),
  },
  'message.original': {
    args: z.object({ messageId: z.number().int().positive() }).strict(),
    result: returns<{ source: string; truncated: boolean }>(),
  },
  'message.saveEml': {
    args: z.object({ messageId: z.number().int().positive() }).strict(),
    result: returns<{ savedTo: string | null; path: string }>(),
  },
  'attachment.reveal': {
    args: z.object({ messageId: z.number().int().positive(), part: z.string().max(20) }).strict(),
    result: returns<{ path: string; shown: boolean }>(),
  },
  'attachment.save': {
    args: z.object({ messageId: z.number().int().positive(), part: z.string().max(20) }).strict(),
    result: returns<{ savedTo: string | null; path: string }>(),
  },
  'images.allow': {
    args: z
      .object({
        messageId: z.number().int().positive().optional(),
        sender: z.string().trim().toLowerCase().email().optional(),
      })
      .strict()
      .refine((a) => a.messageId !== undefined || a.sender !== undefined, 'Say which message or sender.'),
    result: returns<{ senders: string[]; messages: number[] }>(),
  },
  'folders.add': {
    args: z.object({ path: z.string().trim().min(1, 'Name the folder to sync.').max(500) }).strict(),
    result: returns<FolderStatus[]>(),
  },
} as const satisfies Record<(typeof CALL_NAMES)[number], { args: z.ZodType; result: unknown }>;

/** Events main pushes to the renderer. */
export interface Events {
  'threads.changed': { threadIds: number[] };
  'sync.progress': SyncProgress;
  'sync.error': ErrorInfo;
  /** Push mode, check interval or connection trouble changed. */
  'sync.live': LiveSyncStatus;
  /** The mailbox became reachable, or is being retried (with when the next attempt is). */
  'connection.changed': ConnectionState;
  /** The tray's count and most urgent threads changed. */
  'tray.changed': TrayState;
  /** A desktop notification to show now (already de-duplicated and quiet-hours aware). */
  notify: NotifyRequest;
  /** Something the person should hear about: a conflict, a handoff offer, a failed send. */
  toast: Toast;
  /** A reply in the outbox changed state (queued, sent, failed, …). */
  'outbox.changed': QueuedReply;
  /** The team's saved replies changed: saved here, or a teammate's change arrived. */
  'templates.changed': Record<string, never>;
  /** The shell asks to show a conversation (tray menu, notification click). */
  'app.openThread': { threadKey: string };
  /** A menu item or its accelerator was used; the renderer runs the action. */
  'app.menuAction': { action: string };
}

/** A notification the shell shows natively; clicking it opens `threadKey` (if any). */
export interface NotifyRequest {
  id: string;
  title: string;
  body: string;
  threadKey: string | null;
  kind: 'due-soon' | 'overdue' | 'summary';
}

/** A message for the person, with an optional action the UI can offer. */
export interface Toast {
  id: string;
  kind: 'info' | 'conflict' | 'handoff' | 'send-failed' | 'sent';
  message: string;
  threadKey: string | null;
  action?: {
    label: string;
    call: CallName;
    args: Record<string, unknown>;
  };
}

export type CallName = keyof typeof calls;
export type EventName = keyof Events;
/** Arguments as the caller may pass them (defaults still to be applied). */
export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['args']>;
/** Arguments after validation. */
export type CallArgs<K extends CallName> = z.output<(typeof calls)[K]['args']>;
export type CallResult<K extends CallName> = (typeof calls)[K]['result'];

/** The names of all calls, for building transports. */
export const callNames: readonly CallName[] = CALL_NAMES;

// Compile-time proof that channels.ts lists exactly the calls and events defined here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _callsListed: Same<CallName, (typeof CALL_NAMES)[number]> = true;
const _eventsListed: Same<EventName, (typeof EVENT_NAMES)[number]> = true;
void _callsListed;
void _eventsListed;

/** The object the renderer talks to, whether IPC (preload) or the WebSocket bridge. */
export type PromptlyApi = {
  [K in CallName]: (args: CallInput<K>) => Promise<CallResult<K>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export { channelOf, EVENT_CHANNEL } from './channels';

/** How a call's outcome travels across a transport (errors keep their code). */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
