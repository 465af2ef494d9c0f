import type { ImapFlow } from 'imapflow';
import type { Identity, ReplyingView } from '../../shared/team';
import type { TeamEvent } from '../../shared/teamEvents';
import { parseTeamEvent, type TeamLogEntry } from '../../shared/teamEvents';
import { appendMessage } from '../mail/imap/append';
import { TEAM_LOG_FOLDER, teamLogPath } from '../mail/imap/teamLogFolder';
import { teamEventMessageId } from '../team/eventMessage';
import {
  expiresAt,
  observePresence,
  presenceDue,
  PRESENCE_TTL_MS,
  replyingTo,
  type OwnPresence,
  type PresenceBoard,
} from '../team/presence';

/** A presence event ready to append. */
export interface OutgoingPresence {
  event: TeamEvent;
  raw: Buffer;
}

/** What presence needs of the team engine: who I am, and the events it drafts. */
export interface PresenceHost {
  now(): number;
  identity(): Identity | null;
  /** Throws the "tell Promptly who you are" error when no identity is set. */
  requireMe(): Identity;
  /** The presence event of a local thread as `me`, ready to append (the engine knows its key). */
  draft(threadId: number, state: 'replying' | 'stopped', me: Identity): OutgoingPresence;
  /** Every key a conversation known by `keys` goes by (its merged ones too). */
  keysOf(keys: readonly string[]): string[];
  nameOf(address: string): string;
}

/**
 * Who is replying where, for one account: teammates' presence read from the log, and this
 * computer's own, sent when the composer's state calls for it (team/presence.ts). Presence is
 * ephemeral: it is appended straight from memory on the next pass, never queued to disk, and
 * dropped if it could not go out before it would have expired anyway.
 */
export class TeamPresence {
  private board: PresenceBoard = {};
  private readonly own = new Map<number, OwnPresence>();
  private outgoing: OutgoingPresence[] = [];

  constructor(private readonly host: PresenceHost) {}

  private now(): number {
    return this.host.now();
  }

  /** The composer of a local thread holds text (`replying`) or not: returns the event's state when one is due. */
  composerChanged(threadId: number, replying: boolean): 'replying' | 'stopped' | null {
    const me = this.host.requireMe();
    const now = this.now();
    const due = presenceDue(this.own.get(threadId) ?? null, replying, now);
    if (due === null) return null;
    this.outgoing.push(this.host.draft(threadId, due, me));
    if (due === 'stopped') this.own.delete(threadId);
    else this.own.set(threadId, { state: due, sentAt: now });
    return due;
  }

  /** Appends what is waiting, oldest first. A refused or stale presence is dropped, not retried. */
  async flush(client: ImapFlow): Promise<number> {
    const waiting = this.outgoing;
    this.outgoing = [];
    let appended = 0;
    for (const { event, raw } of waiting) {
      if (this.now() - event.at >= PRESENCE_TTL_MS) continue;
      try {
        await appendMessage(client, {
          path: teamLogPath(client),
          folderName: TEAM_LOG_FOLDER,
          raw,
          messageId: teamEventMessageId(event.id),
          flags: ['\\Seen'],
          what: 'who is replying',
        });
        appended += 1;
      } catch {
        // Ephemeral: the next heartbeat says it again.
      }
    }
    return appended;
  }

  /** Notes the presence events among new log entries; returns the thread keys they named. */
  observe(entries: readonly TeamLogEntry[]): Set<string> {
    const touched = new Set<string>();
    const readAt = this.now();
    for (const entry of entries) {
      const parsed = parseTeamEvent(entry.event);
      if (!parsed.ok || parsed.event.type !== 'presence') continue;
      observePresence(this.board, parsed.event, readAt);
      touched.add(parsed.event.thread);
    }
    return touched;
  }

  /** A reply to a local thread was queued: my presence there stops (nothing is sent if none was). */
  replySent(threadId: number): void {
    if (this.host.identity()) this.composerChanged(threadId, false);
  }

  /** Teammates replying now to the conversation known by any of `keys` (its merged ones too), without me. */
  replying(keys: readonly string[]): ReplyingView[] {
    const me = this.host.identity()?.address ?? null;
    return replyingTo(this.board, this.host.keysOf(keys), me, this.now()).map((p) => ({
      address: p.actor,
      name: this.host.nameOf(p.actor),
      since: p.since,
      until: expiresAt(p),
    }));
  }
}
