import { z } from 'zod';

/**
 * Team log events (docs/ARCHITECTURE.md, "Team state"). Every team action is one event, appended
 * as one message to the team log folder; the server's UID order is the one total order and
 * the team state is a fold over it. This file holds only the wire format (zod schemas, types)
 * and the outcome types the UI shows, so the renderer can use them too.
 */

/** The envelope version this Promptly writes and understands. */
export const TEAM_EVENT_VERSION = 1;

/** Events that change who owns a thread. They carry `base` and apply only if it is current. */
export const OWNERSHIP_EVENT_TYPES = [
  'claim',
  'assign',
  'handoff.offer',
  'handoff.accept',
  'handoff.decline',
  'release',
] as const;

/** Thread events that always apply (last writer in UID order wins) and never move `base`. */
export const THREAD_EVENT_TYPES = [
  'note',
  'close',
  'reopen',
  'waiting',
  'snooze',
  'promise',
  'split',
  'merge',
] as const;

/** Events about the team rather than a thread: `thread` and `base` are null. */
export const TEAM_WIDE_EVENT_TYPES = ['template.upsert', 'template.delete', 'policy.change', 'profile'] as const;

/** Events that keep the log itself usable and change no team state: `presence` (someone is writing a
 *  reply, ephemeral and expunged once a snapshot covers it) and `snapshot` (the folded state up to a
 *  point, so a new reader starts there instead of at the first event). */
export const LOG_UPKEEP_EVENT_TYPES = ['presence', 'snapshot'] as const;

/** Every event type this version understands. */
export const TEAM_EVENT_TYPES = [
  ...OWNERSHIP_EVENT_TYPES,
  ...THREAD_EVENT_TYPES,
  ...TEAM_WIDE_EVENT_TYPES,
  ...LOG_UPKEEP_EVENT_TYPES,
] as const;

/** One of the event types this version understands. */
export type TeamEventType = (typeof TEAM_EVENT_TYPES)[number];

/** An event type that changes ownership. */
export type OwnershipEventType = (typeof OWNERSHIP_EVENT_TYPES)[number];

/** Lower-case 8-4-4-4-12 hex, as `crypto.randomUUID()` writes it. */
export const teamEventIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lower-case UUID');

/** A mail address, trimmed and lower-cased. Permissive on purpose (`bob@localhost` is fine), but
 *  never whitespace or the characters that would break a header. */
export const teamAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@<>()",;:\\[\]\p{Cc}]+@[^\s@<>()",;:\\[\]\p{Cc}]+$/u, 'must be a mail address');

/** A thread key or Message-ID without angle brackets (docs/ARCHITECTURE.md, "Thread key"). */
export const teamMessageIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^\s<>\p{Cc}]+$/u, 'must be a Message-ID without brackets or spaces');

const timestamp = z.number().int().min(0).max(8.64e15);
const text = (max: number) => z.string().max(max);

/** True for a JSON object tree no deeper than `depth`, without `__proto__` keys. */
function isJsonObject(value: unknown, depth = 16): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth <= 0) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && isJsonValue(item, depth - 1));
}

function isJsonValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return depth > 0 && value.every((item) => isJsonValue(item, depth - 1));
  return isJsonObject(value, depth);
}

/** An opaque JSON object (team policy until its schema lands): plain, finite, at most 16 deep. */
export const jsonObjectSchema = z.custom<Record<string, unknown>>(
  (value) => isJsonObject(value),
  'must be a plain JSON object, at most 16 levels deep',
);

const envelope = {
  v: z.literal(TEAM_EVENT_VERSION),
  id: teamEventIdSchema,
  actor: teamAddressSchema,
  at: timestamp,
  known: z.array(teamMessageIdSchema).max(50),
};

/** A thread event: `base` is the id of the thread's latest ownership event the author had seen. */
function threadEvent<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({
    ...envelope,
    type: z.literal(type),
    thread: teamMessageIdSchema,
    base: teamEventIdSchema.nullable(),
    payload,
  });
}

/** A team-wide event: no thread, no base. */
function teamWideEvent<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ ...envelope, type: z.literal(type), thread: z.null(), base: z.null(), payload });
}

const empty = z.object({});

/** The largest snapshot state (compressed, base64) Promptly writes or reads. */
export const SNAPSHOT_STATE_LIMIT = 24 * 1024 * 1024;

/** A lower-case SHA-256 in hex. */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

/** Every event this version understands, discriminated by `type`. Unknown keys are dropped. */
export const teamEventSchema = z.discriminatedUnion('type', [
  threadEvent('claim', empty),
  threadEvent('assign', z.object({ to: teamAddressSchema })),
  threadEvent('handoff.offer', z.object({ to: teamAddressSchema, message: text(1000).default('') })),
  threadEvent('handoff.accept', empty),
  threadEvent('handoff.decline', z.object({ reason: text(1000).default('') })),
  threadEvent('release', empty),
  threadEvent('note', z.object({ text: text(10_000).min(1), mentions: z.array(teamAddressSchema).max(50) })),
  threadEvent('close', empty),
  threadEvent('reopen', empty),
  threadEvent('waiting', empty),
  threadEvent('snooze', z.object({ until: timestamp.nullable() })),
  threadEvent('promise', z.object({ due: timestamp, text: text(500).default('') })),
  threadEvent(
    'split',
    z.object({ messageIds: z.array(teamMessageIdSchema).min(1).max(100), newThread: teamMessageIdSchema }),
  ),
  threadEvent('merge', z.object({ into: teamMessageIdSchema })),
  teamWideEvent(
    'template.upsert',
    z.object({
      templateId: teamEventIdSchema,
      name: text(200).min(1),
      subject: text(998).nullable(),
      body: text(10_000),
    }),
  ),
  teamWideEvent('template.delete', z.object({ templateId: teamEventIdSchema, name: text(200).default('') })),
  teamWideEvent('policy.change', z.object({ policy: jsonObjectSchema })),
  teamWideEvent('profile', z.object({ name: text(200), active: z.boolean().default(true) })),
  threadEvent('presence', z.object({ state: z.enum(['replying', 'stopped']) })),
  teamWideEvent(
    'snapshot',
    z.object({
      /** The highest log UID the state covers. */
      upTo: z.number().int().min(0).max(4_294_967_295),
      /** The folder's UIDVALIDITY those UIDs belong to (RFC 9051 §2.3.1.1), as a decimal string. */
      uidValidity: z.string().regex(/^[0-9]{1,20}$/),
      /** TEAM_STATE_VERSION of the fold that wrote it. */
      stateVersion: z.number().int().min(1),
      /** SHA-256 of the state's canonical JSON. */
      hash: sha256Hex,
      /** The state's canonical JSON, gzip-compressed, in base64. */
      state: z.string().max(SNAPSHOT_STATE_LIMIT),
    }),
  ),
]);

/** A valid team event of a known type and version. */
export type TeamEvent = z.infer<typeof teamEventSchema>;

/** The event of one type, e.g. `TeamEventOf<'note'>`. */
export type TeamEventOf<T extends TeamEventType> = Extract<TeamEvent, { type: T }>;

/** A thread-scoped event (ownership or commutative). */
export type ThreadTeamEvent = Extract<TeamEvent, { thread: string }>;

/** An event as its author writes it, before defaults are filled in. */
export type TeamEventInput = z.input<typeof teamEventSchema>;

/** Why a log entry could not be used: from a newer Promptly (kept, skipped) or broken. */
export type TeamEventRejection = { ok: false; kind: 'unsupported' | 'malformed'; reason: string };

/** The result of checking one log entry's JSON. */
export type TeamEventParse = { ok: true; event: TeamEvent } | TeamEventRejection;

const knownTypes: ReadonlySet<string> = new Set(TEAM_EVENT_TYPES);

/** True when `type` changes ownership and so is subject to the `base` check. */
export function isOwnershipEventType(type: string): type is OwnershipEventType {
  return (OWNERSHIP_EVENT_TYPES as readonly string[]).includes(type);
}

/** Validates untrusted JSON as a team event; never throws. A newer version or an unknown type is
 *  `unsupported` (kept on the server, skipped here); anything else wrong is `malformed`. */
export function parseTeamEvent(value: unknown): TeamEventParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, kind: 'malformed', reason: 'not a JSON object' };
  }
  const { v, type } = value as { v?: unknown; type?: unknown };
  if (typeof v === 'number' && Number.isInteger(v) && v > TEAM_EVENT_VERSION) {
    return { ok: false, kind: 'unsupported', reason: `event version ${v} is newer than this Promptly understands` };
  }
  if (v === TEAM_EVENT_VERSION && typeof type === 'string' && !knownTypes.has(type)) {
    return { ok: false, kind: 'unsupported', reason: `unknown event type "${type.slice(0, 40)}"` };
  }
  const parsed = teamEventSchema.safeParse(value);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, kind: 'malformed', reason: summarizeIssues(parsed.error) };
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 2)
    .map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`)
    .join('; ');
}

/** Thread status as the team sees it. */
export type ThreadStatus = 'open' | 'waiting' | 'closed';

/** What became of one event in the fold. `lost` names who won, so the UI can say it plainly. */
export type TeamEventOutcome =
  | { status: 'applied'; actorIsTeammate: boolean }
  | {
      status: 'lost';
      actorIsTeammate: boolean;
      /** Who made the ownership change the author had not seen. */
      winner: string;
      winnerUid: number;
      winnerAt: number;
      winnerType: OwnershipEventType;
      /** Who owns the thread after the fold (null: nobody). */
      ownerNow: string | null;
      /** For a person, e.g. "bob@x.example claimed this first". */
      message: string;
    }
  | { status: 'ignored'; reason: string };

/** A handoff offered by the owner and not yet answered; the giver still owns the thread. */
export interface PendingHandoff {
  from: string;
  to: string;
  uid: number;
  eventId: string;
  message: string;
}

/** An internal note; customers never see it. */
export interface TeamNote {
  uid: number;
  eventId: string;
  actor: string;
  actorIsTeammate: boolean;
  text: string;
  mentions: string[];
  at: number;
}

/** A promised reply date, made with a courtesy reply (docs/PRODUCT.md, "Say–do gap"). */
export interface TeamPromise {
  uid: number;
  eventId: string;
  actor: string;
  due: number;
  text: string;
  at: number;
}

/** A thread hidden until `until`. */
export interface TeamSnooze {
  until: number;
  actor: string;
  uid: number;
}

/** A teammate known from the log, by their profile events. */
export interface Teammate {
  address: string;
  name: string;
  active: boolean;
  /** UID of their latest profile event. */
  uid: number;
}

/** A saved reply shared with the team. */
export interface SavedReplyTemplate {
  templateId: string;
  name: string;
  subject: string | null;
  body: string;
  updatedBy: string;
  updatedAt: number;
  uid: number;
}

/** One message of the log folder: its UID and its decoded JSON (unchecked). `problem` is set when
 *  the message could not be decoded at all; the entry is then recorded as ignored with that reason. */
export interface TeamLogEntry {
  uid: number;
  event: unknown;
  problem?: string;
}
