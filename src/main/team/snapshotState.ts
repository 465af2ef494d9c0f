/**
 * The shared part of the folded team state as one canonical value: what a snapshot carries and
 * what its hash covers. Everything in `TeamState` except `lastUid` (the snapshot's `upTo` says
 * it) and `snapshots` (each replica's own diagnostics).
 *
 * Canonical JSON sorts object keys, so two replicas that folded the same events hash the same
 * bytes whatever order their records were filled in.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { TeamState } from './state';

/** The part of the state every replica agrees on. */
export type SharedTeamState = Omit<TeamState, 'lastUid' | 'snapshots'>;

/** The shared part of `state` (a view, not a copy). */
export function sharedPart(state: TeamState): SharedTeamState {
  const { lastUid: _lastUid, snapshots: _snapshots, ...shared } = state;
  return shared;
}

/** JSON with object keys sorted at every level; `undefined` members are left out as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 (hex) of the shared state's canonical JSON. */
export function teamStateHash(state: TeamState): string {
  return createHash('sha256')
    .update(canonicalJson(sharedPart(state)))
    .digest('hex');
}

/** The shared state packed for a snapshot event: canonical JSON, gzip, base64, and its hash. */
export function packTeamState(state: TeamState): { state: string; hash: string } {
  const json = canonicalJson(sharedPart(state));
  return {
    state: gzipSync(Buffer.from(json, 'utf8')).toString('base64'),
    hash: createHash('sha256').update(json).digest('hex'),
  };
}

/** A packed state read back: the shared state, or why it cannot be used. Never throws. */
export type UnpackedTeamState = { ok: true; shared: SharedTeamState } | { ok: false; reason: string };

/** Unpacks a snapshot's state and checks it against its hash and the state's shape. */
export function unpackTeamState(packed: string, hash: string, maxBytes: number): UnpackedTeamState {
  let json: string;
  try {
    json = gunzipSync(Buffer.from(packed, 'base64'), { maxOutputLength: maxBytes }).toString('utf8');
  } catch (error) {
    return { ok: false, reason: `its state cannot be unpacked (${error instanceof Error ? error.message : 'gzip'})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'its state is not JSON' };
  }
  if (createHash('sha256').update(canonicalJson(value)).digest('hex') !== hash)
    return { ok: false, reason: 'its state does not match its own hash (damaged)' };
  // Checked, not transformed: the parsed object keeps keys such as `__proto__` as own properties.
  const shape = sharedStateSchema.safeParse(value);
  if (!shape.success)
    return { ok: false, reason: `its state has the wrong shape (${shape.error.issues[0]?.path.join('.') ?? ''})` };
  return { ok: true, shared: value as SharedTeamState };
}

const uid = z.number().int().min(0);
const address = z.string();
const outcome = z.union([
  z.object({ status: z.literal('applied'), actorIsTeammate: z.boolean() }),
  z.object({
    status: z.literal('lost'),
    actorIsTeammate: z.boolean(),
    winner: z.string(),
    winnerUid: uid,
    winnerAt: z.number(),
    winnerType: z.string(),
    ownerNow: z.string().nullable(),
    message: z.string(),
  }),
  z.object({ status: z.literal('ignored'), reason: z.string() }),
]);
const record = z.object({
  uid,
  eventId: z.string().nullable(),
  type: z.string().nullable(),
  actor: z.string().nullable(),
  thread: z.string().nullable(),
  at: z.number().nullable(),
  target: z.string().nullable(),
  outcome,
});
const thread = z.object({
  key: z.string(),
  owner: address.nullable(),
  pendingHandoff: z.object({ from: address, to: address, uid, eventId: z.string(), message: z.string() }).nullable(),
  lastOwnershipChange: z
    .object({
      eventId: z.string(),
      uid,
      type: z.string(),
      actor: address,
      target: z.string().nullable(),
      at: z.number(),
    })
    .nullable(),
  status: z.enum(['open', 'waiting', 'closed']),
  snooze: z.object({ until: z.number(), actor: address, uid }).nullable(),
  notes: z.array(
    z.object({
      uid,
      eventId: z.string(),
      actor: address,
      actorIsTeammate: z.boolean(),
      text: z.string(),
      mentions: z.array(z.string()),
      at: z.number(),
    }),
  ),
  promises: z.array(
    z.object({ uid, eventId: z.string(), actor: address, due: z.number(), text: z.string(), at: z.number() }),
  ),
  activity: z.array(uid),
  mergedInto: z.string().nullable(),
  mergedFrom: z.array(z.string()),
  splitFrom: z.string().nullable(),
});
const sharedStateSchema = z.object({
  version: z.number().int(),
  log: z.array(record),
  outcomeIndex: z.record(z.string(), uid),
  threads: z.record(z.string(), thread),
  threadAliases: z.record(z.string(), z.string()),
  templates: z.record(
    z.string(),
    z.object({
      templateId: z.string(),
      name: z.string(),
      subject: z.string().nullable(),
      body: z.string(),
      updatedBy: address,
      updatedAt: z.number(),
      uid,
    }),
  ),
  roster: z.record(z.string(), z.object({ address, name: z.string(), active: z.boolean(), uid })),
  policy: z.object({ policy: z.record(z.string(), z.unknown()), actor: address, uid, at: z.number() }).nullable(),
  threadFixes: z.array(uid),
});
