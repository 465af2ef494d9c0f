import { z } from 'zod';

/**
 * Replies and the outbox: the composer's model, the saved-reply templates and the
 * outbox items the UI lists. Types and zod schemas only; the engine lives in src/main/outbox.
 */

/** What the composer answers with: the sender only, everyone on the message, or a forward. */
export const REPLY_KINDS = ['reply', 'reply-all', 'forward'] as const;

/** One of {@link REPLY_KINDS}. */
export type ReplyKind = (typeof REPLY_KINDS)[number];

/**
 * Where a reply stands (docs/ARCHITECTURE.md, "Outbox: never lost, never twice"):
 * queued (undo window, send later) → sending → accepted (SMTP 250 stored) → filed (Sent
 * APPEND done, \Answered set). `failed` retries by itself when `retryAt` is set, otherwise it
 * waits for the person. `uncertain` means it may or may not have left: only the person decides
 * to send it again. `cancelled` was undone or given up.
 */
export const OUTBOX_STATES = ['queued', 'sending', 'accepted', 'filed', 'failed', 'uncertain', 'cancelled'] as const;

/** One of {@link OUTBOX_STATES}. */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Stable codes for everything that can stop a reply, so the UI can choose its words. */
export const OUTBOX_ERROR_CODES = [
  'invalid-address',
  'no-recipients',
  'empty-body',
  'template-variable',
  'template-not-found',
  'invalid-date',
  'attachment-unreadable',
  'too-large',
  'auth',
  'signed-out',
  'tls',
  'recipient-refused',
  'server-unreachable',
  'deferred',
  'rejected',
  'collision',
  'uncertain',
  'filing',
  'not-found',
  'wrong-state',
] as const;

/** One of {@link OUTBOX_ERROR_CODES}. */
export type OutboxErrorCode = (typeof OUTBOX_ERROR_CODES)[number];

/** A reason a reply did not (yet) go, written for a person. */
export interface OutboxProblem {
  code: OutboxErrorCode;
  message: string;
}

/** A name and address on a draft. */
export interface DraftAddress {
  name: string;
  address: string;
}

/** An attachment of the original message that a forward keeps. */
export interface KeptAttachment {
  messageRowId: number;
  part: string;
  filename: string;
  size: number;
}

/** What the composer opens with: recipients, subject and the quoted message, ready to edit. */
export interface Draft {
  threadId: number;
  threadKey: string;
  kind: ReplyKind;
  /** The message answered or forwarded (row id), or null for a thread without messages. */
  parentId: number | null;
  to: DraftAddress[];
  cc: DraftAddress[];
  subject: string;
  /** The quote shown under the editor; the engine appends it when sending. */
  quote: { text: string; html: string };
  signature: string;
  /** A forward keeps the original's attachments. */
  keptAttachments: KeptAttachment[];
  /** When the composer opened; a teammate's reply after this is a collision. */
  openedAt: number;
  /** What a courtesy reply would promise by default: the end of the next business day. */
  defaultPromiseAt: number;
}

/** Asks for a draft of `kind` in a thread, answering `parentId` (default: the latest customer message). */
export const draftRequestSchema = z
  .object({
    threadId: z.number().int().positive(),
    kind: z.enum(REPLY_KINDS).default('reply'),
    parentId: z.number().int().positive().optional(),
  })
  .strict();

/** A validated draft request. */
export type DraftRequest = z.infer<typeof draftRequestSchema>;

const addressList = z.array(z.string().max(2000)).max(100).default([]);

/**
 * A reply to queue. Addresses are strings as typed ("Ann <ann@x.example>", several per entry
 * allowed); the engine parses them with a real address parser and refuses bad ones.
 */
export const sendRequestSchema = z
  .object({
    threadId: z.number().int().positive(),
    kind: z.enum(REPLY_KINDS).default('reply'),
    parentId: z.number().int().positive().optional(),
    to: addressList,
    cc: addressList,
    bcc: addressList,
    /** Default: "Re:"/"Fwd:" plus the parent's subject. */
    subject: z.string().max(998).optional(),
    /** What the person wrote (template variables allowed). Quote and signature are added. */
    text: z.string().max(200_000).default(''),
    /** An HTML version of `text`, if the editor made one. */
    html: z.string().max(1_000_000).optional(),
    /** Files to attach, as paths on this machine. */
    attachments: z.array(z.string().min(1).max(4096)).max(50).default([]),
    /** Attachments of the forwarded message to keep (default for a forward: all of them). */
    keptAttachments: z
      .array(z.object({ messageRowId: z.number().int().positive(), part: z.string().max(20) }))
      .optional(),
    /** Send later: not before this instant (epoch ms). */
    sendAt: z.number().int().min(0).optional(),
    /** A saved reply whose body becomes the text (when `text` is empty). */
    templateId: z.string().max(200).optional(),
    /** A courtesy reply promises an answer by this instant; it becomes the thread's deadline. */
    promiseAt: z.number().int().min(0).optional(),
    courtesy: z.boolean().default(false),
    /** When the composer opened, for the collision check (default: now). */
    openedAt: z.number().int().min(0).optional(),
    /** Send even though a teammate replied since the composer opened. */
    force: z.boolean().default(false),
  })
  .strict();

/** A validated send request (defaults applied). */
export type SendRequest = z.infer<typeof sendRequestSchema>;

/** A send request as callers may write it. */
export type SendRequestInput = z.input<typeof sendRequestSchema>;

/** One reply in the outbox, as the outbox view shows it. */
export interface QueuedReply {
  id: number;
  threadId: number | null;
  threadKey: string;
  kind: ReplyKind;
  state: OutboxState;
  /** Why it failed or is uncertain; null otherwise. */
  error: OutboxProblem | null;
  attempts: number;
  /** The reply's Message-ID (without brackets), fixed when it was queued. */
  messageId: string;
  subject: string;
  to: string[];
  createdAt: number;
  /** When it goes: the end of the undo window, or the chosen "send later" time. */
  sendAt: number;
  /** Until when "Undo" still works. */
  undoUntil: number;
  /** The next automatic attempt of a failed reply; null when it waits for the person. */
  retryAt: number | null;
  courtesy: boolean;
  promiseAt: number | null;
  acceptedAt: number | null;
  filedAt: number | null;
}

/** Someone on the team answered the thread after the composer opened. */
export interface Collision {
  /** Who replied, as their message names them. */
  by: string;
  at: number;
  messageId: string;
  /** For a person: "Bob replied 3 minutes ago. Send anyway?" */
  message: string;
}

/** What queueing a reply did: queued it, or stopped because a teammate already replied. */
export type QueueResult = { ok: true; item: QueuedReply } | { ok: false; collision: Collision };

/** What undo gives back: the request, so the composer can reopen with it. */
export interface UndoResult {
  item: QueuedReply;
  request: SendRequest;
}

/** A saved reply the team shares (the built-in courtesy reply included). */
export interface Template {
  id: string;
  name: string;
  subject: string | null;
  body: string;
  builtIn: boolean;
  /** Who last saved it and when (null for the built-in one). */
  updatedBy: string | null;
  updatedAt: number | null;
  /** Saved here but not yet in the team log (appended on the next sync). */
  pending: boolean;
}

/** A template name: what people pick it by in the composer, the palette and the CLI. */
export const templateNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the saved reply a name.')
  .max(200, 'Keep the name under 200 characters.');

/** Creating (id null) or changing a saved reply. */
export const templateSaveSchema = z
  .object({
    id: z.string().min(1).max(100).nullable(),
    name: templateNameSchema,
    subject: z.string().max(998).nullable().default(null),
    body: z
      .string()
      .min(1, 'A saved reply needs some text.')
      .max(10_000, 'Keep a saved reply under 10,000 characters.'),
  })
  .strict();

/** What `templates.save` takes. */
export type TemplateSave = z.input<typeof templateSaveSchema>;

/** Template variables the engine knows; anything else is an error shown before sending. */
export const TEMPLATE_VARIABLES = [
  'customer.firstName',
  'customer.name',
  'owner.name',
  'promise.date',
  'thread.subject',
] as const;

/** One of {@link TEMPLATE_VARIABLES}. */
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** {{customer.firstName}}: the given name ("Doe, Jane" is written last name first), else "there". */
export function customerFirstName(customer: { name: string }): string {
  const name = customer.name.replace(/^["']|["']$/g, '').trim();
  if (!name) return 'there';
  const comma = name.indexOf(',');
  const given = comma > 0 ? name.slice(comma + 1).trim() : name;
  return given.split(/\s+/)[0] ?? name;
}

/** {{customer.name}}: the name as written, else the address. */
export function customerFullName(customer: { name: string; address: string }): string {
  return customer.name.trim() || customer.address;
}
