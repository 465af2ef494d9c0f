import type { Collision } from '../../shared/outbox';
import type { TeamReply } from '../store/repos/replySources';

/** "3 minutes ago", "just now", "2 hours ago", "yesterday"-free and locale-neutral. */
export function timeAgo(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/**
 * The collision check (docs/PRODUCT.md, "Replies"): the newest team reply to the thread dated after
 * the composer opened, other than this engine's own replies, or null. `replies` come from
 * `teamRepliesSince` (the synced Sent folder and team addresses).
 */
export function findCollision(
  replies: readonly TeamReply[],
  ownMessageIds: readonly string[],
  now: number,
): Collision | null {
  const own = new Set(ownMessageIds);
  const other = replies.find((r) => !own.has(r.messageId));
  if (!other) return null;
  const by = other.fromName.trim() || other.fromAddress || 'A teammate';
  return {
    by,
    at: other.date,
    messageId: other.messageId,
    message: `${by} replied ${timeAgo(other.date, now)}. Send anyway?`,
  };
}
