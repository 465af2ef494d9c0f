/**
 * Who is replying (docs/ARCHITECTURE.md, "Presence"): while a teammate's composer holds text for
 * a conversation, their Promptly appends a `presence` event when they start, at most one
 * heartbeat a minute while they keep writing, and one when they send or discard. Others show
 * "Bob is replying" until the stop event, or until the last heartbeat is older than the TTL
 * (Bob's machine went away). Presence changes no shared state: the fold skips it and a
 * snapshot lets it be expunged.
 */
import type { TeamEventOf } from '../../shared/teamEvents';
import { deleteEntry, readEntry, writeEntry } from './state';

/** How long a presence counts after its last heartbeat. */
export const PRESENCE_TTL_MS = 2 * 60_000;

/** A writer sends a heartbeat at most this often (half the TTL, so one lost heartbeat is survivable). */
export const PRESENCE_HEARTBEAT_MS = 60_000;

/** One teammate replying to one conversation. */
export interface Presence {
  actor: string;
  /** The team thread key the event named. */
  thread: string;
  /** When they started (their first event of this reply). */
  since: number;
  /** The last heartbeat (or the stop): the event's time, but never later than when it was read. */
  seenAt: number;
  /** They sent or discarded; kept until the TTL passes so a late, older heartbeat cannot revive it. */
  stopped: boolean;
}

/** Presence by thread key, then by actor. Plain records, keyed safely (see state.ts). */
export type PresenceBoard = Record<string, Record<string, Presence>>;

/** True while a presence counts: not stopped, and its last heartbeat is less than the TTL ago. */
export function isActive(presence: Presence, now: number): boolean {
  return !presence.stopped && now < presence.seenAt + PRESENCE_TTL_MS;
}

/** When a presence stops counting by itself. */
export function expiresAt(presence: Presence): number {
  return presence.seenAt + PRESENCE_TTL_MS;
}

/**
 * Notes a presence event read from the log at `readAt` (mutating `board`). The author's clock
 * may run ahead of ours, so a heartbeat never counts from later than when it was read.
 */
export function observePresence(board: PresenceBoard, event: TeamEventOf<'presence'>, readAt: number): void {
  const byActor = readEntry(board, event.thread) ?? {};
  const earlier = readEntry(byActor, event.actor);
  const seenAt = Math.min(event.at, readAt);
  if (earlier && earlier.seenAt > seenAt) return; // older than what we know, read late
  const stopped = event.payload.state === 'stopped';
  const since = earlier && !earlier.stopped ? earlier.since : seenAt;
  writeEntry(byActor, event.actor, { actor: event.actor, thread: event.thread, since, seenAt, stopped });
  for (const [actor, presence] of Object.entries(byActor))
    if (readAt >= presence.seenAt + PRESENCE_TTL_MS) deleteEntry(byActor, actor);
  if (Object.keys(byActor).length === 0) deleteEntry(board, event.thread);
  else writeEntry(board, event.thread, byActor);
}

/** Who is replying to any of `threadKeys` now, other than `me`, earliest first. */
export function replyingTo(
  board: PresenceBoard,
  threadKeys: readonly string[],
  me: string | null,
  now: number,
): Presence[] {
  const found = new Map<string, Presence>();
  for (const key of threadKeys)
    for (const presence of Object.values(readEntry(board, key) ?? {}))
      if (presence.actor !== me && isActive(presence, now)) found.set(presence.actor, presence);
  return [...found.values()].sort((a, b) => a.since - b.since);
}

/** What this replica last told the team about its own reply to one thread. */
export interface OwnPresence {
  state: 'replying' | 'stopped';
  sentAt: number;
}

/**
 * Whether the composer's state (`replying`: it holds text) calls for a presence event now,
 * given what was last sent: a start, a heartbeat at most once per PRESENCE_HEARTBEAT_MS, or a
 * stop after a start. Bounded: about two events per reply plus one a minute while writing.
 */
export function presenceDue(last: OwnPresence | null, replying: boolean, now: number): 'replying' | 'stopped' | null {
  if (!replying) return last?.state === 'replying' ? 'stopped' : null;
  if (last?.state !== 'replying') return 'replying';
  return now - last.sentAt >= PRESENCE_HEARTBEAT_MS ? 'replying' : null;
}
